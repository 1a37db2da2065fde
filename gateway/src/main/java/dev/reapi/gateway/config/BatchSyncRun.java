package dev.reapi.gateway.config;

import dev.reapi.client.RealEstateApiClient;
import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiChangeLogStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiReplicaStore;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.sync.ChangeApplier;
import dev.reapi.gateway.application.sync.ReplicaSync;
import dev.reapi.gateway.application.sync.SyncProgress;
import dev.reapi.gateway.application.sync.SyncStart;
import dev.reapi.gateway.domain.GatewayException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * One batch sync in the foreground, without the HTTP server: what {@code reapi sync} runs (the
 * updated feed on v1, the change files on v2, see {@link SyncWiring#replicaSync}). It uses the
 * configured database and upstream, and the same checkpoint as the gateway's schedule, so it must
 * not run while a gateway's scheduled sync may. Cache entries are not invalidated (this process
 * holds no cache; a shared cache tier's entries expire by their TTL). Not thread-safe: one call at
 * a time.
 */
public final class BatchSyncRun {

    private BatchSyncRun() {}

    /**
     * Runs one batch sync from {@code start} to the end of what the upstream offers.
     *
     * @param listener told after each committed page
     * @return the run's totals
     * @throws StartupException when the database cannot be opened
     * @throws dev.reapi.gateway.application.port.out.UpstreamFailure when the upstream fails; the
     *     committed pages stay, and the next run resumes after them
     */
    public static SyncProgress run(
            GatewayConfig config,
            SyncStart start,
            SyncProgress.Listener listener,
            MeterRegistry registry,
            Clock clock) {
        Database database;
        try {
            GatewayConfig.Database db = config.database();
            database =
                    Database.open(
                            db.url(),
                            db.user().isEmpty() ? null : db.user(),
                            db.password().isEmpty() ? null : db.password());
        } catch (GatewayException e) {
            throw new StartupException("database unavailable: " + e.getMessage(), e);
        }
        try (database;
                RealEstateApiClient client =
                        RealEstateApiClient.builder()
                                .provider(config.upstream().provider())
                                .apiKey(config.upstream().apiKey())
                                .baseUrl(config.upstream().baseUrl())
                                .callTimeout(config.upstream().timeout())
                                .meterRegistry(registry)
                                .clock(clock)
                                .build()) {
            var log = new JdbiChangeLogStore(database);
            var applier =
                    new ChangeApplier(
                            log, JsonCodecs.propertyCodecs().property(), ChangeHook.none(), clock);
            ReplicaSync sync =
                    SyncWiring.replicaSync(
                            config.sync(),
                            database,
                            client,
                            applier,
                            new JdbiReplicaStore(database),
                            log,
                            ChangeHook.none(),
                            registry,
                            clock);
            return sync.run(start, listener);
        }
    }
}
