package dev.reapi.gateway.domain.ledger;

import java.math.BigDecimal;

/**
 * Summed usage over some period.
 *
 * @param requests requests answered
 * @param upstreamCalls calls made to the upstream
 * @param recordsBilled records the upstream billed
 * @param savedRequests requests answered without an upstream call of their own
 */
public record UsageTotals(
        long requests, long upstreamCalls, long recordsBilled, long savedRequests) {

    /** No usage. */
    public static final UsageTotals ZERO = new UsageTotals(0, 0, 0, 0);

    public UsageTotals {
        if (requests < 0 || upstreamCalls < 0 || recordsBilled < 0 || savedRequests < 0) {
            throw new IllegalArgumentException(
                    "usage totals must be >= 0, were requests="
                            + requests
                            + " upstreamCalls="
                            + upstreamCalls
                            + " recordsBilled="
                            + recordsBilled
                            + " savedRequests="
                            + savedRequests);
        }
    }

    /** The totals of one entry. */
    public static UsageTotals of(UsageEntry entry) {
        return new UsageTotals(
                1, entry.upstreamCalls(), entry.recordsBilled(), entry.saved() ? 1 : 0);
    }

    /** These totals plus {@code other}. */
    public UsageTotals plus(UsageTotals other) {
        return new UsageTotals(
                requests + other.requests,
                upstreamCalls + other.upstreamCalls,
                recordsBilled + other.recordsBilled,
                savedRequests + other.savedRequests);
    }

    /** What the billed records cost at {@code price}. */
    public BigDecimal spent(RecordPrice price) {
        return price.of(recordsBilled);
    }
}
