package dev.reapi.gateway.domain.job;

import java.time.Duration;
import java.util.Objects;

/**
 * When to try a failed attempt again: exponential backoff with a cap, and a limit on attempts.
 *
 * <p>The delay before attempt {@code n+1} (after {@code n} failures) is {@code initialDelay *
 * multiplier^(n-1)}, capped at {@code maxDelay}, then scaled by a jitter factor in {@code [1 -
 * jitter, 1]} so that jobs failing together do not retry together.
 *
 * @param maxAttempts attempts before a job is dead (default 5)
 * @param initialDelay the first delay (default 2 s)
 * @param maxDelay the largest delay (default 5 min)
 * @param multiplier growth per failure (default 2.0)
 * @param jitter the largest fraction taken off a delay, 0.0 to 1.0 (default 0.2)
 */
public record RetryPolicy(
        int maxAttempts,
        Duration initialDelay,
        Duration maxDelay,
        double multiplier,
        double jitter) {

    /** Five attempts, 2 s doubling to at most 5 min, 20 % jitter. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofMinutes(5), 2.0, 0.2);

    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("maxAttempts must be 1..100, was " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException(
                    "delays must satisfy 0 <= initialDelay <= maxDelay, were "
                            + initialDelay
                            + " and "
                            + maxDelay);
        }
        if (multiplier < 1.0 || jitter < 0.0 || jitter > 1.0) {
            throw new IllegalArgumentException(
                    "multiplier must be >= 1 and jitter 0..1, were " + multiplier + ", " + jitter);
        }
    }

    /** Whether another attempt is allowed after {@code attemptsMade} attempts failed. */
    public boolean allowsRetry(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /**
     * The delay after {@code failures} failed attempts (1 or more).
     *
     * @param unitRandom a random number in {@code [0, 1)} choosing the jitter
     */
    public Duration delayAfter(int failures, double unitRandom) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be >= 1, was " + failures);
        }
        double base = (double) initialDelay.toMillis() * Math.pow(multiplier, failures - 1.0);
        double capped = Math.min(base, (double) maxDelay.toMillis());
        double jittered = capped * (1.0 - jitter * unitRandom);
        return Duration.ofMillis(Math.round(jittered));
    }
}
