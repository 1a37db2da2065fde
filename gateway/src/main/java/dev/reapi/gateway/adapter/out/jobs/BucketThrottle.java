package dev.reapi.gateway.adapter.out.jobs;

import dev.reapi.gateway.application.port.out.UpstreamThrottle;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * This instance's share of upstream calls per second for jobs, as a token bucket that holds at most
 * one second's worth. With several gateway instances each gets its own bucket, so the configured
 * rate should be divided by the number of instances. Thread-safe.
 */
public final class BucketThrottle implements UpstreamThrottle {

    private final Bucket bucket;
    private final long perSecond;

    /** Allows {@code callsPerSecond} calls per second, 1 or more. */
    public BucketThrottle(long callsPerSecond) {
        if (callsPerSecond < 1) {
            throw new IllegalArgumentException(
                    "callsPerSecond must be >= 1, was " + callsPerSecond);
        }
        this.perSecond = callsPerSecond;
        this.bucket =
                Bucket.builder()
                        .addLimit(
                                Bandwidth.builder()
                                        .capacity(callsPerSecond)
                                        .refillGreedy(callsPerSecond, Duration.ofSeconds(1))
                                        .build())
                        .build();
    }

    /**
     * The job share of a vendor limit: {@code fraction} of {@code vendorPerSecond}, at least 1.
     *
     * @param fraction the share for jobs, e.g. 0.5 leaves half to interactive requests
     */
    public static BucketThrottle share(double vendorPerSecond, double fraction) {
        if (fraction <= 0.0 || fraction > 1.0) {
            throw new IllegalArgumentException("fraction must be in (0, 1], was " + fraction);
        }
        return new BucketThrottle(Math.max(1, (long) Math.floor(vendorPerSecond * fraction)));
    }

    /** The calls per second this throttle allows. */
    public long perSecond() {
        return perSecond;
    }

    @Override
    public void acquire(int calls) throws InterruptedException {
        if (calls < 1 || calls > perSecond) {
            throw new IllegalArgumentException(
                    "calls must be 1.." + perSecond + " per acquire, was " + calls);
        }
        bucket.asBlocking().consume(calls);
    }
}
