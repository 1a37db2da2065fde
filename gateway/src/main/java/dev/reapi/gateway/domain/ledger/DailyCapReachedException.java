package dev.reapi.gateway.domain.ledger;

import dev.reapi.gateway.domain.GatewayException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's plan caps the upstream records billed per UTC day and the cap is reached; only answers
 * that need no upstream call are served until {@link #resetsAt()}. HTTP adapters answer 429.
 */
public final class DailyCapReachedException extends GatewayException {

    private static final long serialVersionUID = 1L;

    private final String userId;
    private final long cap;
    private final Instant resetsAt;
    private final Duration retryAfter;

    /**
     * @param userId the user whose cap is reached
     * @param cap records per UTC day the plan allows
     * @param billedToday records billed to the user today
     * @param resetsAt the next midnight UTC
     * @param retryAfter the time from now until {@code resetsAt}
     */
    public DailyCapReachedException(
            String userId, long cap, long billedToday, Instant resetsAt, Duration retryAfter) {
        super(
                "daily record cap of "
                        + cap
                        + " reached for user "
                        + userId
                        + " ("
                        + billedToday
                        + " billed today); resets at "
                        + resetsAt);
        this.userId = Objects.requireNonNull(userId, "userId");
        this.cap = cap;
        this.resetsAt = Objects.requireNonNull(resetsAt, "resetsAt");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** The user whose cap is reached. */
    public String userId() {
        return userId;
    }

    /** Records per UTC day the plan allows. */
    public long cap() {
        return cap;
    }

    /** The next midnight UTC, when the cap resets. */
    public Instant resetsAt() {
        return resetsAt;
    }

    /** How long until the cap resets, from when the cap was found reached. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
