package dev.reapi.gateway.domain.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * What one answered request cost: the upstream calls it made and the records they billed, or that
 * it was answered without the upstream (from the cache, the replica, or by joining another
 * request's call).
 *
 * @param at when the request was answered
 * @param userId the user it is attributed to
 * @param endpoint the gateway endpoint, e.g. {@code details}
 * @param upstreamCalls calls made to the upstream for it (0 when saved)
 * @param recordsBilled records the upstream billed for those calls
 * @param saved whether it was answered without an upstream call of its own
 */
public record UsageEntry(
        Instant at,
        String userId,
        String endpoint,
        int upstreamCalls,
        int recordsBilled,
        boolean saved) {

    public UsageEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(endpoint, "endpoint");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        if (endpoint.isBlank()) {
            throw new IllegalArgumentException("endpoint must not be blank");
        }
        if (upstreamCalls < 0) {
            throw new IllegalArgumentException("upstreamCalls must be >= 0, was " + upstreamCalls);
        }
        if (recordsBilled < 0) {
            throw new IllegalArgumentException("recordsBilled must be >= 0, was " + recordsBilled);
        }
        if (saved && upstreamCalls > 0) {
            throw new IllegalArgumentException(
                    "a saved request made no upstream call, was " + upstreamCalls);
        }
    }

    /** A request that made {@code calls} upstream calls billing {@code records} records. */
    public static UsageEntry billed(
            Instant at, String userId, String endpoint, int calls, int records) {
        return new UsageEntry(at, userId, endpoint, calls, records, false);
    }

    /** A request answered without an upstream call of its own. */
    public static UsageEntry saved(Instant at, String userId, String endpoint) {
        return new UsageEntry(at, userId, endpoint, 0, 0, true);
    }
}
