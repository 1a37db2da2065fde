package dev.reapi.gateway.application.cache;

import dev.reapi.gateway.domain.cache.CacheKey;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter in every search cache key, so that all cached search pages can be dropped at once by
 * moving to new keys: a search key is the canonical criteria and cannot be derived from the
 * property that changed. Old entries are never read again and leave by their retention. The counter
 * is per gateway process. Thread-safe.
 */
public final class SearchGeneration {

    private final AtomicLong generation = new AtomicLong();

    /** Makes every search key built from now on differ from the ones built before. */
    public void bump() {
        generation.incrementAndGet();
    }

    /** {@code key} in the current generation (unchanged in generation 0). */
    public CacheKey apply(CacheKey key) {
        long current = generation.get();
        return current == 0 ? key : new CacheKey(key.type(), "g" + current + "|" + key.value());
    }
}
