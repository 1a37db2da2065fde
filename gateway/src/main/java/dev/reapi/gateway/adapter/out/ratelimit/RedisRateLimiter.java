package dev.reapi.gateway.adapter.out.ratelimit;

import dev.reapi.gateway.adapter.out.health.RedisHealthCheck;
import dev.reapi.gateway.application.port.out.HealthCheck;
import dev.reapi.gateway.application.port.out.RateLimiter;
import dev.reapi.gateway.domain.user.RateLimit;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Budgets kept in Redis and shared exactly by every gateway instance that uses the same Redis and
 * key prefix: each request is one compare-and-swap of the bucket's state.
 *
 * <p>The instances' clocks decide refills, so they should be synchronised (NTP); a clock that is
 * ahead refills buckets early. A bucket's key expires {@value #KEEP_FULL_SECONDS} s after the
 * bucket would be full again, so idle users leave nothing behind. Each call waits at most the
 * request timeout (default {@link #DEFAULT_TIMEOUT}) and then throws {@link
 * RateLimiterUnavailableException}; {@link FailoverRateLimiter} turns that into local limits. For
 * failures to show quickly, give the client {@code
 * ClientOptions.DisconnectedBehavior.REJECT_COMMANDS}, so that commands are refused while it is
 * disconnected rather than queued.
 *
 * <p>Thread-safe. Closing it closes its connection, not the client.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    /** How long one call waits for Redis by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);

    static final int KEEP_FULL_SECONDS = 10;

    private final StatefulRedisConnection<String, byte[]> connection;
    private final ProxyManager<String> buckets;
    private final String keyPrefix;
    private final Duration timeout;

    /**
     * A limiter on {@code client} with the system clock and {@link #DEFAULT_TIMEOUT}.
     *
     * @throws RateLimiterUnavailableException when Redis cannot be reached now
     */
    public RedisRateLimiter(RedisClient client, String keyPrefix) {
        this(client, keyPrefix, DEFAULT_TIMEOUT, Clock.systemUTC());
    }

    /**
     * A limiter on its own connection from {@code client}.
     *
     * @param keyPrefix prepended to every bucket's key, e.g. {@code reapi:ratelimit:}
     * @param timeout how long one call waits for Redis, positive
     * @param clock the time buckets refill by
     * @throws RateLimiterUnavailableException when Redis cannot be reached now
     */
    public RedisRateLimiter(RedisClient client, String keyPrefix, Duration timeout, Clock clock) {
        Objects.requireNonNull(client, "client");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        try {
            this.connection =
                    client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        } catch (RedisException e) {
            throw new RateLimiterUnavailableException("store Redis", reason(e), e);
        }
        this.buckets =
                Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(
                                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                        Duration.ofSeconds(KEEP_FULL_SECONDS)))
                        .requestTimeout(timeout)
                        .clientClock(Buckets.timeMeter(clock))
                        .build();
    }

    @Override
    public Decision tryAcquire(String bucketKey, RateLimit limit) {
        String name = keyPrefix + Buckets.name(bucketKey, limit);
        BucketConfiguration configuration = Buckets.configuration(limit);
        try {
            var probe = buckets.getProxy(name, () -> configuration).tryConsumeAndReturnRemaining(1);
            return Buckets.decision(probe, limit);
        } catch (RuntimeException e) {
            throw new RateLimiterUnavailableException("bucket " + name, reason(e), e);
        }
    }

    /** A non-required {@code redis} health check on this limiter's connection. */
    public HealthCheck healthCheck() {
        return new RedisHealthCheck(connection, false, timeout);
    }

    @Override
    public void close() {
        connection.close();
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message =
                root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
