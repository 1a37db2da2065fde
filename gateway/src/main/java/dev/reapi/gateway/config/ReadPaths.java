package dev.reapi.gateway.config;

import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.batch.PropertyBatcher;
import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.adapter.out.cache.SharedCacheHealthCheck;
import dev.reapi.gateway.adapter.out.cache.TieredResponseCache;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiChangeLogStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiReplicaStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiUsageLedger;
import dev.reapi.gateway.adapter.out.upstream.BatchingPropertySource;
import dev.reapi.gateway.adapter.out.upstream.ClientPropertySource;
import dev.reapi.gateway.application.cache.CachedPropertyQueries;
import dev.reapi.gateway.application.cache.CachedReads;
import dev.reapi.gateway.application.cache.SearchGeneration;
import dev.reapi.gateway.application.ledger.UsageReports;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.port.out.ChangeLog;
import dev.reapi.gateway.application.port.out.HealthCheck;
import dev.reapi.gateway.application.port.out.MeteredDetails;
import dev.reapi.gateway.application.port.out.PropertySource;
import dev.reapi.gateway.application.port.out.ReplicaStore;
import dev.reapi.gateway.application.port.out.UpstreamFailure;
import dev.reapi.gateway.application.port.out.UsageLedger;
import dev.reapi.gateway.application.sync.CacheInvalidatingHook;
import dev.reapi.gateway.application.sync.ChangeApplier;
import dev.reapi.gateway.application.watch.WatchNotifier;
import dev.reapi.gateway.domain.sync.ChangeSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Wires the read path: cache tiers, replica, ledger, batching and the cached queries. The read path
 * records what it reads through the one {@link ChangeApplier} of the gateway, whose hook drops a
 * changed property's cache entries and, when it became sold, moves every search to a new key
 * generation.
 */
final class ReadPaths {

    private ReadPaths() {}

    /**
     * The cached queries and the usage reports over them.
     *
     * @param queries every property read, through the cache
     * @param usage the usage reports
     * @param checks health checks of the read path's optional dependencies
     * @param source the upstream as the read path calls it (batching detail lookups)
     * @param ledger the usage ledger
     * @param replica the replica
     * @param log the change history
     * @param applier the gateway's one writer of replica changes
     * @param hook what the applier tells about committed changes
     */
    record Wired(
            CachedPropertyQueries queries,
            UsageReports usage,
            List<HealthCheck> checks,
            PropertySource source,
            UsageLedger ledger,
            ReplicaStore replica,
            ChangeLog log,
            ChangeApplier applier,
            ChangeHook hook) {}

    /**
     * Builds the read path; everything that must be closed is pushed onto {@code resources}.
     *
     * @param watchers notified, in the change's transaction, of every change the applier records
     */
    static Wired create(
            ReadPathConfig config,
            Clock clock,
            Database database,
            RealEstateApiClient client,
            MeterRegistry registry,
            Optional<WatchNotifier> watchers,
            Deque<AutoCloseable> resources) {
        var cache = new TieredResponseCache(config.cache(), clock, registry);
        resources.push(cache);
        var ledger = new JdbiUsageLedger(database, config.ledgerFlush(), registry);
        resources.push(ledger);
        ExecutorService refresher = Executors.newVirtualThreadPerTaskExecutor();
        resources.push(refresher);
        var reads =
                new CachedReads(
                        cache,
                        ledger,
                        config.policy(),
                        clock,
                        refresher,
                        config.retryAfter(),
                        ReadPaths::upstreamFailed);
        var direct = new ClientPropertySource(client, clock);
        PropertySource source = direct;
        Optional<MeteredDetails> details = Optional.empty();
        if (config.batchDetails()) {
            var batching =
                    new BatchingPropertySource(
                            direct,
                            client,
                            new PropertyBatcher.Options(
                                    config.batchMaxSize(),
                                    config.batchMaxWait(),
                                    config.batchMaxHold(),
                                    config.batchMaxInFlight()));
            resources.push(batching);
            source = batching;
            details = Optional.of(batching);
        }
        var generation = new SearchGeneration();
        var hook = new CacheInvalidatingHook(cache, generation::bump);
        var log = new JdbiChangeLogStore(database);
        var codecs = JsonCodecs.propertyCodecs();
        var applier = new ChangeApplier(log, codecs.property(), hook, clock, watchers);
        var replica = new JdbiReplicaStore(database);
        var queries =
                new CachedPropertyQueries(
                        reads,
                        source,
                        details,
                        replica,
                        properties ->
                                applier.applyAll(properties, ChangeSource.READ, Optional.empty()),
                        generation,
                        codecs);
        List<HealthCheck> checks =
                config.cache().redisUrl().isPresent()
                        ? List.of(new SharedCacheHealthCheck(cache))
                        : List.of();
        return new Wired(
                queries,
                new UsageReports(ledger, config.price(), clock),
                checks,
                source,
                ledger,
                replica,
                log,
                applier,
                hook);
    }

    /** Failures that mean "the upstream cannot answer now": they start the fallback chain. */
    private static boolean upstreamFailed(Throwable e) {
        return e instanceof UpstreamFailure failure
                && (failure.kind() == UpstreamFailure.Kind.UNAVAILABLE
                        || failure.kind() == UpstreamFailure.Kind.QUOTA);
    }
}
