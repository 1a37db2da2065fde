package dev.reapi.gateway.application.cache;

import dev.reapi.gateway.application.port.out.ResponseCache;
import dev.reapi.gateway.domain.cache.CacheEntry;
import dev.reapi.gateway.domain.cache.CacheKey;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A response cache in a map that keeps everything; for unit tests of the engine. */
final class InMemoryResponseCache implements ResponseCache {

    final ConcurrentHashMap<CacheKey, CacheEntry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<CacheEntry> get(CacheKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(CacheKey key, CacheEntry entry, Duration freshFor, Duration keepFor) {
        entries.put(key, entry);
    }

    @Override
    public void invalidate(CacheKey key) {
        entries.remove(key);
    }
}
