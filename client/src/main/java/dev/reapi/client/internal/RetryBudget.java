package dev.reapi.client.internal;

import java.time.Clock;
import java.time.Duration;

/**
 * Caps retries at a share of recent requests, so that an upstream outage cannot multiply the load
 * the client puts on it. Over a sliding window of whole seconds, a retry is allowed while the
 * retries in the window stay below {@code max(ratio * requests, minPerSecond * windowSeconds)}.
 *
 * <p>Thread-safe; time comes from the injected clock.
 */
public final class RetryBudget {

    private final double ratio;
    private final int minPerSecond;
    private final int windowSeconds;
    private final Clock clock;
    private final long[] seconds;
    private final long[] requests;
    private final long[] retries;

    /**
     * Creates a budget.
     *
     * @param ratio retries allowed per request, 0..1 (e.g. 0.2)
     * @param minPerSecond retries always allowed per second, even with little traffic
     * @param window the sliding window, at least one second
     * @param clock the time source
     */
    public RetryBudget(double ratio, int minPerSecond, Duration window, Clock clock) {
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("retry budget ratio must be in 0..1, got " + ratio);
        }
        if (minPerSecond < 0) {
            throw new IllegalArgumentException(
                    "retry budget minPerSecond must be >= 0, got " + minPerSecond);
        }
        if (window.toSeconds() < 1) {
            throw new IllegalArgumentException(
                    "retry budget window must be at least 1s, got " + window);
        }
        this.ratio = ratio;
        this.minPerSecond = minPerSecond;
        this.windowSeconds = (int) Math.min(window.toSeconds(), 3600);
        this.clock = clock;
        this.seconds = new long[windowSeconds];
        this.requests = new long[windowSeconds];
        this.retries = new long[windowSeconds];
    }

    /** Records a first attempt of a logical call. */
    public synchronized void onRequest() {
        int slot = slot(now());
        requests[slot]++;
    }

    /** Records a retry and returns true when the budget allows one; false otherwise. */
    public synchronized boolean tryAcquireRetry() {
        long now = now();
        if (retriesInWindow(now) >= allowed(now)) {
            return false;
        }
        retries[slot(now)]++;
        return true;
    }

    /** The retries the window allows right now. */
    public synchronized long allowed() {
        return allowed(now());
    }

    private long allowed(long now) {
        long floor = (long) minPerSecond * windowSeconds;
        long share = (long) Math.floor(ratio * requestsInWindow(now));
        return Math.max(floor, share);
    }

    private long requestsInWindow(long now) {
        return sum(requests, now);
    }

    private long retriesInWindow(long now) {
        return sum(retries, now);
    }

    private long sum(long[] counts, long now) {
        long total = 0;
        for (int i = 0; i < windowSeconds; i++) {
            if (now - seconds[i] < windowSeconds) {
                total += counts[i];
            }
        }
        return total;
    }

    private int slot(long now) {
        int slot = (int) Math.floorMod(now, (long) windowSeconds);
        if (seconds[slot] != now) {
            seconds[slot] = now;
            requests[slot] = 0;
            retries[slot] = 0;
        }
        return slot;
    }

    private long now() {
        return Math.floorDiv(clock.millis(), 1000L);
    }
}
