package dev.reapi.gateway.adapter.out.cache;

import dev.reapi.gateway.domain.cache.CacheEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A cache entry with the lifetimes it was stored with, as both tiers keep it.
 *
 * @param entry the entry
 * @param freshFor how long after {@code entry.storedAt()} it is fresh
 * @param keepFor how long after {@code entry.storedAt()} it is kept
 */
record StoredEntry(CacheEntry entry, Duration freshFor, Duration keepFor) {

    StoredEntry {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(freshFor, "freshFor");
        Objects.requireNonNull(keepFor, "keepFor");
    }

    Instant freshUntil() {
        return entry.storedAt().plus(freshFor);
    }

    Instant keepUntil() {
        return entry.storedAt().plus(keepFor);
    }

    boolean freshAt(Instant now) {
        return now.isBefore(freshUntil());
    }
}
