package dev.reapi.gateway.config;

import dev.reapi.gateway.adapter.out.ratelimit.FailoverRateLimiter;
import dev.reapi.gateway.adapter.out.ratelimit.LocalRateLimiter;
import dev.reapi.gateway.adapter.out.ratelimit.RedisRateLimiter;
import dev.reapi.gateway.application.port.out.HealthCheck;
import dev.reapi.gateway.application.port.out.RateLimiter;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.time.Clock;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the rate limiter the configuration asks for: in-process by default; with Redis, shared
 * limits that degrade to in-process ones while Redis is unreachable.
 */
final class RateLimiters {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiters.class);
    private static final String KEY_PREFIX = "reapi:ratelimit:";

    private RateLimiters() {}

    /** The limiter and the health checks it brings (Redis, optional). */
    record Wired(RateLimiter limiter, List<HealthCheck> checks) {}

    static Wired create(GatewayConfig config, Clock clock, Deque<AutoCloseable> resources) {
        var local = new LocalRateLimiter(clock, LocalRateLimiter.DEFAULT_MAX_BUCKETS);
        if (config.redis().isEmpty()) {
            return new Wired(local, List.of());
        }
        GatewayConfig.Redis redis = config.redis().get();
        RedisClient client = RedisClient.create(RedisURI.create(redis.url()));
        client.setOptions(
                ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .build());
        resources.push(client::shutdown);
        RedisRateLimiter shared;
        try {
            shared =
                    new RedisRateLimiter(
                            client, KEY_PREFIX, RedisRateLimiter.DEFAULT_TIMEOUT, clock);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Redis {} unreachable at start-up ({}); rate limits are per instance until"
                            + " restart",
                    redis.redacted(),
                    e.getClass().getSimpleName());
            return new Wired(local, List.of());
        }
        resources.push(shared);
        var failover = new FailoverRateLimiter(shared, local, shared.healthCheck());
        resources.push(failover);
        return new Wired(failover, List.of(shared.healthCheck()));
    }
}
