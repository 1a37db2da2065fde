package dev.reapi.gateway.adapter.out.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.reapi.gateway.application.port.out.RateLimiter;
import dev.reapi.gateway.domain.user.RateLimit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.util.Objects;

/**
 * Budgets kept in this process only: exact for one gateway instance, but each instance counts
 * separately.
 *
 * <p>A bucket that has not been used for its limit's window is dropped: by then it has refilled
 * completely, so forgetting it changes nothing, and idle users cost no memory. At most {@link
 * #DEFAULT_MAX_BUCKETS} buckets are kept by default; beyond that the least recently used are
 * dropped early, which can only grant a dropped user a fresh budget.
 *
 * <p>Thread-safe.
 */
public final class LocalRateLimiter implements RateLimiter {

    /** How many buckets are kept at most by default. */
    public static final long DEFAULT_MAX_BUCKETS = 100_000;

    private final TimeMeter time;
    private final Cache<String, LimitedBucket> buckets;

    /** A limiter on the system clock with {@link #DEFAULT_MAX_BUCKETS}. */
    public LocalRateLimiter() {
        this(Clock.systemUTC(), DEFAULT_MAX_BUCKETS);
    }

    /**
     * A limiter on {@code clock}.
     *
     * @param clock the time buckets refill by, also the time idle buckets expire by
     * @param maxBuckets how many buckets are kept at most, at least 1
     */
    public LocalRateLimiter(Clock clock, long maxBuckets) {
        Objects.requireNonNull(clock, "clock");
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("maxBuckets must be at least 1, was " + maxBuckets);
        }
        this.time = Buckets.timeMeter(clock);
        this.buckets =
                Caffeine.newBuilder()
                        .ticker(time::currentTimeNanos)
                        .expireAfter(
                                Expiry.<String, LimitedBucket>accessing(
                                        (name, bucket) -> bucket.limit().window()))
                        .maximumSize(maxBuckets)
                        .build();
    }

    @Override
    public Decision tryAcquire(String bucketKey, RateLimit limit) {
        LimitedBucket bucket =
                buckets.get(Buckets.name(bucketKey, limit), name -> newBucket(limit));
        return Buckets.decision(bucket.bucket().tryConsumeAndReturnRemaining(1), limit);
    }

    /** How many buckets are held now; for tests and metrics. */
    long bucketCount() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private LimitedBucket newBucket(RateLimit limit) {
        Bucket bucket =
                Bucket.builder()
                        .addLimit(Buckets.bandwidth(limit))
                        .withCustomTimePrecision(time)
                        .build();
        return new LimitedBucket(bucket, limit);
    }

    private record LimitedBucket(Bucket bucket, RateLimit limit) {}
}
