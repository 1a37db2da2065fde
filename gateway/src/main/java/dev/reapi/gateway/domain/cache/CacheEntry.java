package dev.reapi.gateway.domain.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One cached upstream answer: its JSON payload, or the memory that the upstream answered "not
 * found", and when it was stored.
 *
 * @param payload the answer as JSON; empty for a negative entry
 * @param storedAt when the upstream produced this answer
 * @param negative whether the upstream said the thing does not exist
 */
public record CacheEntry(String payload, Instant storedAt, boolean negative) {

    public CacheEntry {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(storedAt, "storedAt");
        if (negative && !payload.isEmpty()) {
            throw new IllegalArgumentException(
                    "a negative entry has no payload, was " + payload.length() + " characters");
        }
        if (!negative && payload.isEmpty()) {
            throw new IllegalArgumentException("a positive entry needs a payload, was empty");
        }
    }

    /** A found answer stored at {@code storedAt}. */
    public static CacheEntry of(String payload, Instant storedAt) {
        return new CacheEntry(payload, storedAt, false);
    }

    /** The memory of a "not found" answer received at {@code storedAt}. */
    public static CacheEntry notFound(Instant storedAt) {
        return new CacheEntry("", storedAt, true);
    }

    /** The entry's age at {@code now}; zero when the clock is behind the store time. */
    public Duration age(Instant now) {
        Duration age = Duration.between(storedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
