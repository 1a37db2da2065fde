package dev.reapi.client.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the wait before retry {@code n} (1-based) is uniform in
 * {@code [0, min(max, base * 2^(n-1))]}, which spreads retrying clients apart instead of letting
 * them return in lock step.
 *
 * @param base the cap of the first wait
 * @param max the cap of every wait
 * @param random the source of jitter (thread-safe, e.g. a seeded {@link java.util.Random})
 */
public record Backoff(Duration base, Duration max, RandomGenerator random) {

    /** Validates the durations. */
    public Backoff {
        Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("backoff base must be positive, got " + base);
        }
        if (max.compareTo(base) < 0) {
            throw new IllegalArgumentException(
                    "backoff max (" + max + ") must not be below base (" + base + ")");
        }
    }

    /** The upper bound of the wait before retry {@code retry} (1-based). */
    public Duration cap(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be >= 1, got " + retry);
        }
        int shift = Math.min(retry - 1, 30);
        long capNanos = base.toNanos() << shift;
        if (capNanos <= 0 || capNanos > max.toNanos()) {
            capNanos = max.toNanos();
        }
        return Duration.ofNanos(capNanos);
    }

    /** A jittered wait before retry {@code retry} (1-based), uniform in {@code [0, cap]}. */
    public Duration delay(int retry) {
        long capNanos = cap(retry).toNanos();
        return Duration.ofNanos(random.nextLong(capNanos + 1));
    }
}
