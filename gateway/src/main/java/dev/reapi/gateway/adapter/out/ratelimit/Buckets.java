package dev.reapi.gateway.adapter.out.ratelimit;

import dev.reapi.gateway.application.port.out.RateLimiter.Decision;
import dev.reapi.gateway.domain.user.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** What the local and the Redis limiter share: bucket shape, naming and the answer. */
final class Buckets {

    private Buckets() {}

    /**
     * A bucket holding the whole budget, refilled greedily: one request's worth comes back every
     * {@code window / requests}, so a user who paces requests is never stopped.
     */
    static Bandwidth bandwidth(RateLimit limit) {
        return BandwidthBuilder.builder()
                .capacity(limit.requests())
                .refillGreedy(limit.requests(), limit.window())
                .build();
    }

    /** A configuration with the one {@link #bandwidth} of {@code limit}. */
    static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
    }

    /**
     * The name of the bucket for {@code bucketKey} under {@code limit}. The limit is part of the
     * name so that a plan change starts a new, full bucket instead of reusing one of another size.
     */
    static String name(String bucketKey, RateLimit limit) {
        return bucketKey + ":" + limit.requests() + "/" + limit.window().toMillis() + "ms";
    }

    /** The port's answer for one probe. */
    static Decision decision(ConsumptionProbe probe, RateLimit limit) {
        return new Decision(
                probe.isConsumed(),
                limit.requests(),
                probe.isConsumed() ? probe.getRemainingTokens() : 0,
                Duration.ofNanos(probe.getNanosToWaitForReset()),
                probe.isConsumed()
                        ? Duration.ZERO
                        : Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Bucket4j's view of {@code clock}, in nanoseconds since the epoch. */
    static TimeMeter timeMeter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return Math.addExact(
                        Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
