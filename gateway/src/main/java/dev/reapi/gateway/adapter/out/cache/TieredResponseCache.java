package dev.reapi.gateway.adapter.out.cache;

import dev.reapi.gateway.application.port.out.ResponseCache;
import dev.reapi.gateway.domain.cache.CacheEntry;
import dev.reapi.gateway.domain.cache.CacheKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response cache: an in-process Caffeine tier (L1), bounded by entries or by estimated bytes,
 * in front of an optional Redis tier (L2) that all gateway instances share.
 *
 * <p>A read is answered by L1 while its entry is fresh; otherwise L2 is asked, and the newer of the
 * two entries wins and is copied into L1. Writes and invalidations go to both tiers. L1 keeps an
 * entry for its {@code keepFor} so that it can still be served stale when the upstream fails; in
 * Redis the key expires after the same {@code keepFor} (time to live plus retention).
 *
 * <p>When Redis fails, the cache logs one WARN and keeps serving from L1; a probe brings L2 back
 * with one INFO when Redis answers again. Invalidations issued while Redis is down do not reach it.
 * Metrics: {@code reapi.cache.lookups} (tags {@code tier}, {@code result}) and {@code
 * reapi.cache.l2.up}. Thread-safe; close it to close the Redis connection.
 */
public final class TieredResponseCache implements ResponseCache, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TieredResponseCache.class);

    private final LocalTier local;
    private final @Nullable RedisTier shared;
    private final Clock clock;
    private final Counter l1Hits;
    private final Counter l1Misses;
    private final Counter l2Hits;
    private final Counter l2Misses;

    /**
     * A cache set up by {@code settings}; connects to Redis when a URL is given (a Redis that is
     * down at start is probed until it answers).
     */
    public TieredResponseCache(TieredCacheSettings settings, Clock clock, MeterRegistry meters) {
        Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.local = new LocalTier(settings, clock);
        Optional<URI> redis = settings.redisUrl();
        this.shared = redis.map(url -> new RedisTier(url, settings, clock)).orElse(null);
        this.l1Hits = lookups(meters, "l1", "hit");
        this.l1Misses = lookups(meters, "l1", "miss");
        this.l2Hits = lookups(meters, "l2", "hit");
        this.l2Misses = lookups(meters, "l2", "miss");
        Gauge.builder("reapi.cache.l2.up", this, c -> c.sharedTierUp() ? 1 : 0)
                .description("1 while the shared Redis tier is in use")
                .register(meters);
        Gauge.builder("reapi.cache.l1.entries", local, LocalTier::estimatedSize)
                .description("entries in the in-process tier (estimate)")
                .register(meters);
        LOG.info("Response cache ready: {}", settings);
    }

    @Override
    public Optional<CacheEntry> get(CacheKey key) {
        Optional<StoredEntry> near = local.get(key);
        if (near.isPresent() && near.get().freshAt(clock.instant())) {
            l1Hits.increment();
            return Optional.of(near.get().entry());
        }
        l1Misses.increment();
        if (shared == null || !shared.isUp()) {
            return near.map(StoredEntry::entry);
        }
        Optional<StoredEntry> far = shared.get(key);
        (far.isPresent() ? l2Hits : l2Misses).increment();
        if (far.isPresent() && isNewer(far.get(), near)) {
            local.put(key, far.get());
            return Optional.of(far.get().entry());
        }
        return near.map(StoredEntry::entry);
    }

    @Override
    public void put(CacheKey key, CacheEntry entry, Duration freshFor, Duration keepFor) {
        var stored = new StoredEntry(entry, freshFor, keepFor);
        local.put(key, stored);
        if (shared != null) {
            shared.put(key, stored);
        }
    }

    @Override
    public void invalidate(CacheKey key) {
        local.invalidate(key);
        if (shared != null) {
            shared.invalidate(key);
        }
    }

    /** Whether a shared tier is configured and currently in use. */
    public boolean sharedTierUp() {
        return shared != null && shared.isUp();
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
    }

    private static boolean isNewer(StoredEntry far, Optional<StoredEntry> near) {
        return near.isEmpty() || far.entry().storedAt().isAfter(near.get().entry().storedAt());
    }

    private static Counter lookups(MeterRegistry meters, String tier, String result) {
        return Counter.builder("reapi.cache.lookups")
                .description("response cache lookups by tier and result")
                .tag("tier", tier)
                .tag("result", result)
                .register(meters);
    }
}
