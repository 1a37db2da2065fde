package dev.reapi.gateway.application.port.out;

import dev.reapi.gateway.domain.user.RateLimit;
import java.time.Duration;

/** Per-user, per-endpoint-class request budgets. Implementations are thread-safe. */
public interface RateLimiter {

    /**
     * Takes one request from the budget of {@code bucketKey} under {@code limit}.
     *
     * @param bucketKey identifies the budget, e.g. {@code user-42:search}
     */
    Decision tryAcquire(String bucketKey, RateLimit limit);

    /**
     * The outcome of one attempt.
     *
     * @param allowed whether the request may proceed
     * @param limit the budget's size in requests
     * @param remaining requests left after this one (0 when rejected)
     * @param resetAfter time until the budget is full again
     * @param retryAfter time until one request is allowed again (zero when allowed)
     */
    record Decision(
            boolean allowed,
            long limit,
            long remaining,
            Duration resetAfter,
            Duration retryAfter) {}
}
