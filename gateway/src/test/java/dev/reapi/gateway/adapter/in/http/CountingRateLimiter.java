package dev.reapi.gateway.adapter.in.http;

import dev.reapi.gateway.application.port.out.RateLimiter;
import dev.reapi.gateway.domain.user.RateLimit;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of {@link RateLimiter}: a fixed window that never refills, so tests need no clock. */
final class CountingRateLimiter implements RateLimiter {

    private final Map<String, Long> used = new ConcurrentHashMap<>();

    @Override
    public Decision tryAcquire(String bucketKey, RateLimit limit) {
        long count = used.merge(bucketKey, 1L, Long::sum);
        boolean allowed = count <= limit.requests();
        long remaining = allowed ? limit.requests() - count : 0;
        return new Decision(
                allowed,
                limit.requests(),
                remaining,
                limit.window(),
                allowed ? Duration.ZERO : Duration.ofSeconds(12));
    }
}
