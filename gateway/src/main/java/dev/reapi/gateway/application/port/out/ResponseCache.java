package dev.reapi.gateway.application.port.out;

import dev.reapi.gateway.domain.cache.CacheEntry;
import dev.reapi.gateway.domain.cache.CacheKey;
import java.time.Duration;
import java.util.Optional;

/**
 * Stored upstream answers, shared by all requests (and, with a shared tier, by all gateway
 * instances). The cache only stores and returns entries; whether one is fresh is decided by the
 * caller from its store time. Implementations are thread-safe and never throw because a backing
 * store failed: they degrade to a miss and say so in the log.
 */
public interface ResponseCache {

    /** The newest entry stored under {@code key}, or empty. */
    Optional<CacheEntry> get(CacheKey key);

    /**
     * Stores {@code entry} under {@code key}, replacing any older one.
     *
     * @param freshFor how long the entry is fresh; a tier may consult a shared tier after that
     * @param keepFor how long the entry is worth keeping at all; stores may drop it afterwards
     */
    void put(CacheKey key, CacheEntry entry, Duration freshFor, Duration keepFor);

    /** Removes the entry under {@code key} from every tier. */
    void invalidate(CacheKey key);
}
