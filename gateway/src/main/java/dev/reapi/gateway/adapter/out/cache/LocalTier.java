package dev.reapi.gateway.adapter.out.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.reapi.gateway.domain.cache.CacheKey;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The in-process tier: a bounded Caffeine cache whose entries expire when their {@code keepFor}
 * ends, measured on the injected clock. Thread-safe.
 */
final class LocalTier {

    /** Rough per-entry overhead in bytes (key, holder, Caffeine node) added to the payload. */
    private static final int ENTRY_OVERHEAD_BYTES = 160;

    private final Cache<CacheKey, StoredEntry> cache;

    LocalTier(TieredCacheSettings settings, Clock clock) {
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        // Maintenance (eviction) runs on the calling thread: the bound holds when put returns,
        // and no work is handed to the common pool that request threads also use.
        Caffeine<CacheKey, StoredEntry> builder =
                Caffeine.newBuilder()
                        .ticker(ticker)
                        .executor(Runnable::run)
                        .expireAfter(new KeepFor(clock));
        if (settings.maxWeightBytes() > 0) {
            builder.maximumWeight(settings.maxWeightBytes()).weigher(LocalTier::weight);
        } else {
            builder.maximumSize(settings.maxEntries());
        }
        this.cache = builder.build();
    }

    Optional<StoredEntry> get(CacheKey key) {
        return Optional.ofNullable(cache.getIfPresent(key));
    }

    void put(CacheKey key, StoredEntry entry) {
        cache.asMap()
                .merge(
                        key,
                        entry,
                        (old, fresh) ->
                                old.entry().storedAt().isAfter(fresh.entry().storedAt())
                                        ? old
                                        : fresh);
    }

    void invalidate(CacheKey key) {
        cache.invalidate(key);
    }

    long estimatedSize() {
        return cache.estimatedSize();
    }

    private static int weight(CacheKey key, StoredEntry entry) {
        long bytes =
                ENTRY_OVERHEAD_BYTES
                        + 2L * key.value().length()
                        + 2L * entry.entry().payload().length();
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /** Each entry lives until its own {@code keepFor} ends, counted from when it was stored. */
    private record KeepFor(Clock clock) implements Expiry<CacheKey, StoredEntry> {

        @Override
        public long expireAfterCreate(CacheKey key, StoredEntry value, long currentTime) {
            return remaining(value);
        }

        @Override
        public long expireAfterUpdate(
                CacheKey key, StoredEntry value, long currentTime, long currentDuration) {
            return remaining(value);
        }

        @Override
        public long expireAfterRead(
                CacheKey key, StoredEntry value, long currentTime, long currentDuration) {
            return currentDuration;
        }

        private long remaining(StoredEntry value) {
            return Math.max(0, value.keepUntil().toEpochMilli() - clock.millis()) * 1_000_000L;
        }
    }
}
