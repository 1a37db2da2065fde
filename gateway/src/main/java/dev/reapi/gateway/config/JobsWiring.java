package dev.reapi.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.reapi.gateway.adapter.in.http.JobEndpoints;
import dev.reapi.gateway.adapter.out.jobs.BucketThrottle;
import dev.reapi.gateway.adapter.out.jobs.DbSchedulerJobs;
import dev.reapi.gateway.adapter.out.jobs.JobsDatabase;
import dev.reapi.gateway.adapter.out.jobs.LocalResultFiles;
import dev.reapi.gateway.adapter.out.notify.RelayWorker;
import dev.reapi.gateway.adapter.out.notify.SignedWebhookSender;
import dev.reapi.gateway.adapter.out.notify.SseHub;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiJobStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiOutboxStore;
import dev.reapi.gateway.application.job.BulkJobHandler;
import dev.reapi.gateway.application.job.JobHandler;
import dev.reapi.gateway.application.job.JobRunner;
import dev.reapi.gateway.application.job.JobService;
import dev.reapi.gateway.application.job.JobSettings;
import dev.reapi.gateway.application.job.SearchJobHandler;
import dev.reapi.gateway.application.job.ValuationJobHandler;
import dev.reapi.gateway.application.notify.CallbackUrlPolicy;
import dev.reapi.gateway.application.notify.NotificationService;
import dev.reapi.gateway.application.notify.OutboxRelay;
import dev.reapi.gateway.application.port.out.PropertySource;
import dev.reapi.gateway.domain.job.JobType;
import dev.reapi.gateway.domain.job.RetryPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Wires jobs and notifications: stores, handlers, the db-scheduler engine, the outbox relay and the
 * event-stream hub. {@link #start} starts the background work; every started part is pushed on the
 * composition root's resource stack so that it stops, gracefully, before the database closes.
 */
final class JobsWiring {

    private final JobsConfig config;
    private final DbSchedulerJobs engine;
    private final RelayWorker relay;
    private final SseHub hub;
    private final JobEndpoints endpoints;

    private JobsWiring(
            JobsConfig config,
            DbSchedulerJobs engine,
            RelayWorker relay,
            SseHub hub,
            JobEndpoints endpoints) {
        this.config = config;
        this.engine = engine;
        this.relay = relay;
        this.hub = hub;
        this.endpoints = endpoints;
    }

    static JobsWiring create(
            JobsConfig config,
            Database database,
            PropertySource upstream,
            ObjectMapper mapper,
            Clock clock,
            RandomGenerator random) {
        return create(config, database, upstream, mapper, clock, random, List.of());
    }

    /**
     * Wires jobs and notifications; {@code recurring} tasks (e.g. the scheduled batch sync) run on
     * the same db-scheduler instance, the one that polls {@code scheduled_tasks}.
     */
    static JobsWiring create(
            JobsConfig config,
            Database database,
            PropertySource upstream,
            ObjectMapper mapper,
            Clock clock,
            RandomGenerator random,
            List<RecurringTask<?>> recurring) {
        // Jitter needs no secrecy; a seed from the injected source keeps tests reproducible.
        long seed = random.nextLong();
        var settings =
                new JobSettings(
                        new RetryPolicy(
                                config.maxAttempts(),
                                Duration.ofSeconds(2),
                                Duration.ofMinutes(5),
                                2.0,
                                0.2),
                        config.maxInlineResultBytes(),
                        config.publicBaseUrl());
        var policy =
                new CallbackUrlPolicy(
                        config.allowHttpCallbacks(),
                        config.allowPrivateCallbacks(),
                        InetAddress::getAllByName);
        Map<JobType, JobHandler> handlers =
                List.of(
                                SearchJobHandler.search(upstream),
                                SearchJobHandler.export(upstream),
                                BulkJobHandler.enrich(upstream),
                                BulkJobHandler.refresh(upstream),
                                new ValuationJobHandler(upstream))
                        .stream()
                        .collect(Collectors.toMap(JobHandler::type, h -> h));
        var jobsDatabase = JobsDatabase.over(database);
        var store =
                new JdbiJobStore(
                        jobsDatabase.jdbi(), database.dialect(), DbSchedulerJobs.TASK_NAME);
        var outbox = new JdbiOutboxStore(database.jdbi());
        var files = new LocalResultFiles(config.dataDir().resolve("job-results"), mapper);
        var throttle =
                BucketThrottle.share(config.vendorRps(), config.upstreamSharePercent() / 100.0);
        var runner =
                new JobRunner(
                        store,
                        handlers,
                        files,
                        throttle,
                        settings,
                        mapper,
                        clock,
                        new SplittableRandom(seed));
        var engine =
                new DbSchedulerJobs(
                        jobsDatabase.dataSource(),
                        database.dialect() == Database.Dialect.POSTGRESQL,
                        runner,
                        new DbSchedulerJobs.Settings(
                                config.threads(),
                                config.pollInterval(),
                                config.heartbeat(),
                                4,
                                config.shutdownWait(),
                                instanceName()),
                        clock,
                        recurring);
        var jobs =
                new JobService(
                        store,
                        engine,
                        handlers,
                        policy,
                        settings,
                        mapper,
                        clock,
                        new SplittableRandom(seed + 1));
        var notifications = new NotificationService(outbox, policy, mapper, clock, random);
        var relay =
                new RelayWorker(
                        new OutboxRelay(
                                outbox,
                                new SignedWebhookSender(Duration.ofSeconds(10), "reapi-gateway"),
                                policy,
                                new RetryPolicy(
                                        config.notifyMaxAttempts(),
                                        Duration.ofSeconds(5),
                                        Duration.ofMinutes(30),
                                        2.0,
                                        0.2),
                                Duration.ofSeconds(60),
                                50,
                                mapper,
                                clock,
                                new SplittableRandom(seed + 2)),
                        config.notifyPollInterval());
        var hub = new SseHub(outbox, config.notifyPollInterval());
        return new JobsWiring(
                config,
                engine,
                relay,
                hub,
                new JobEndpoints(jobs, files, settings, notifications, hub));
    }

    /** The routes' dependencies. */
    JobEndpoints endpoints() {
        return endpoints;
    }

    /** Starts the engine, the relay and the hub; each is pushed on {@code resources}. */
    void start(Deque<AutoCloseable> resources) {
        hub.start();
        resources.push(hub);
        relay.start();
        resources.push(relay);
        engine.start();
        resources.push(engine);
    }

    /** The settings in effect. */
    JobsConfig config() {
        return config;
    }

    private static String instanceName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
        } catch (UnknownHostException e) {
            return "gateway-" + ProcessHandle.current().pid();
        }
    }
}
