package dev.reapi.gateway.config;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.reapi.client.Provider;
import dev.reapi.client.RealEstateApiClient;
import dev.reapi.gateway.adapter.in.http.SyncEndpoints;
import dev.reapi.gateway.adapter.in.http.WebhookRoutes;
import dev.reapi.gateway.adapter.in.http.WebhookSignatures;
import dev.reapi.gateway.adapter.in.schedule.BatchSyncSchedule;
import dev.reapi.gateway.adapter.in.schedule.WatchedRefreshSchedule;
import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiSyncCheckpointStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiWebhookInboxStore;
import dev.reapi.gateway.adapter.out.upstream.ClientChangeFiles;
import dev.reapi.gateway.adapter.out.upstream.ClientPropertySource;
import dev.reapi.gateway.adapter.out.upstream.ClientUpdatedFeed;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.port.out.ChangeLog;
import dev.reapi.gateway.application.port.out.ReplicaStore;
import dev.reapi.gateway.application.port.out.WatchedProperties;
import dev.reapi.gateway.application.sync.BatchSync;
import dev.reapi.gateway.application.sync.ChangeApplier;
import dev.reapi.gateway.application.sync.ChangeFileSync;
import dev.reapi.gateway.application.sync.DeletionSweep;
import dev.reapi.gateway.application.sync.InboxWorker;
import dev.reapi.gateway.application.sync.IncrementalSync;
import dev.reapi.gateway.application.sync.ReplicaSync;
import dev.reapi.gateway.application.sync.WebhookIngestion;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires replica sync around the read path's {@link ChangeApplier}: webhook ingestion and its inbox
 * worker, the batch sync (the updated feed on v1, the change files on v2) and its daily schedule,
 * and incremental refreshes (the refresh route and the periodic refresh of watched properties).
 * {@link #start} starts the inbox worker and pushes it and the webhook writer on the composition
 * root's resource stack, so that they stop before the database closes.
 */
final class SyncWiring {

    private static final Logger LOG = LoggerFactory.getLogger(SyncWiring.class);

    private final InboxWorker worker;
    private final Optional<WebhookIngestion> ingestion;
    private final SyncEndpoints endpoints;
    private final List<RecurringTask<?>> tasks;

    private SyncWiring(
            InboxWorker worker,
            Optional<WebhookIngestion> ingestion,
            SyncEndpoints endpoints,
            List<RecurringTask<?>> tasks) {
        this.worker = worker;
        this.ingestion = ingestion;
        this.endpoints = endpoints;
        this.tasks = List.copyOf(tasks);
    }

    /**
     * The parts of replica sync.
     *
     * @param read the read path, whose applier, source, ledger and replica sync shares
     * @param watched the properties to refresh periodically
     */
    static SyncWiring create(
            SyncConfig config,
            Database database,
            ReadPaths.Wired read,
            RealEstateApiClient client,
            WatchedProperties watched,
            MeterRegistry registry,
            Clock clock) {
        ChangeApplier applier = read.applier();
        var inbox = new JdbiWebhookInboxStore(database);
        // On SQLite an applying transaction holds the one write lock the inbox inserts need, so
        // a batch gathered for longer would hold up the answers to deliveries for longer: there
        // the worker applies at once. On PostgreSQL the two do not wait for each other, and a
        // gathered batch costs less CPU per event.
        var worker =
                new InboxWorker(
                        inbox,
                        applier,
                        database.dialect() == Database.Dialect.SQLITE
                                ? Duration.ZERO
                                : InboxWorker.DEFAULT_GATHER);
        Optional<WebhookRoutes> webhooks = Optional.empty();
        Optional<WebhookIngestion> ingestion = Optional.empty();
        if (config.webhooksEnabled()) {
            ingestion = Optional.of(new WebhookIngestion(inbox, worker, clock));
            webhooks =
                    Optional.of(
                            new WebhookRoutes(
                                    ingestion.get(),
                                    new WebhookSignatures(
                                            config.webhookSecrets(),
                                            config.webhookTolerance(),
                                            clock)));
        } else {
            LOG.info(
                    "No webhook secret configured (sync.webhook_secrets); {} is not registered",
                    WebhookRoutes.PATH);
        }
        var incremental = new IncrementalSync(read.source(), applier, read.ledger(), clock);
        List<RecurringTask<?>> tasks = new ArrayList<>();
        if (config.batchEnabled()) {
            ReplicaSync batch =
                    replicaSync(
                            config,
                            database,
                            client,
                            applier,
                            read.replica(),
                            read.log(),
                            read.hook(),
                            registry,
                            clock);
            tasks.add(new BatchSyncSchedule(batch, config.batchZone(), config.batchTime()).task());
        }
        if (!config.watchedRefreshInterval().isZero()) {
            tasks.add(
                    new WatchedRefreshSchedule(
                                    incremental, watched, config.watchedRefreshInterval())
                            .task());
        }
        return new SyncWiring(worker, ingestion, new SyncEndpoints(webhooks, incremental), tasks);
    }

    /**
     * The batch sync for the client's provider: on v1 the updated feed, sweeping deletions on full
     * runs; on v2 the daily change files, marking the deletions they list.
     */
    static ReplicaSync replicaSync(
            SyncConfig config,
            Database database,
            RealEstateApiClient client,
            ChangeApplier applier,
            ReplicaStore replica,
            ChangeLog log,
            ChangeHook hook,
            MeterRegistry registry,
            Clock clock) {
        var deletions =
                new DeletionSweep(
                        replica, log, JsonCodecs.propertyCodecs().property(), hook, clock);
        var checkpoints = new JdbiSyncCheckpointStore(database);
        if (client.provider() == Provider.V2) {
            var source = new ClientPropertySource(client, clock);
            return new ChangeFileSync(
                    new ClientChangeFiles(client, source),
                    source,
                    applier,
                    deletions,
                    checkpoints,
                    config.changeFileSettings(),
                    clock,
                    registry);
        }
        return new BatchSync(
                new ClientUpdatedFeed(client),
                applier,
                checkpoints,
                config.batchSettings(),
                Optional.of(deletions),
                clock,
                registry);
    }

    /** The routes' dependencies. */
    SyncEndpoints endpoints() {
        return endpoints;
    }

    /** The recurring tasks for the job engine's scheduler: batch sync and watched refresh. */
    List<RecurringTask<?>> tasks() {
        return tasks;
    }

    /**
     * Starts the inbox worker (applying what an earlier run left pending); pushes it, then the
     * webhook writer, so that the writer stops first.
     */
    void start(Deque<AutoCloseable> resources) {
        worker.start();
        resources.push(worker);
        ingestion.ifPresent(resources::push);
    }
}
