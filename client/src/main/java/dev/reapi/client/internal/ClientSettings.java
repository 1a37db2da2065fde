package dev.reapi.client.internal;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Everything the client was configured with. {@link #toString()} masks the API key.
 *
 * @param apiKey the upstream key, sent as {@code X-API-Key} and nowhere else
 * @param baseUrl scheme, host and port of the upstream
 * @param environment the {@code X-Environment} header value
 * @param clientVersion the {@code X-Client-Version} header value
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout timeout of one attempt, until the response headers arrive
 * @param callTimeout deadline of a logical call across its retries
 * @param maxAttempts attempts per call including the first
 * @param backoff wait between attempts after a 5xx, timeout or broken connection
 * @param maxRetryAfter the longest {@code Retry-After} a rate-limited call waits for
 * @param retryBudget the retry budget, null when disabled
 * @param breakerConfig the circuit breaker settings, null when disabled
 * @param rateLimiterConfig the client-side rate limiter settings, null when disabled
 * @param bulkheadConfig the limit on concurrent attempts
 * @param clock the time source for deadlines and the budget
 * @param requestIds makes a request id for each logical call
 * @param meterRegistry a Micrometer {@code MeterRegistry}, or null; typed as Object so that the
 *     client loads no Micrometer class without one
 * @param httpVersion HTTP version to speak
 * @param executor executor of the HTTP client, null for its default
 * @param delayer how retries wait, null for a timer owned by the client
 * @param apiVersion the upstream API generation spoken, {@code v1} or {@code v2}, as logged
 */
public record ClientSettings(
        String apiKey,
        URI baseUrl,
        String environment,
        String clientVersion,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration callTimeout,
        int maxAttempts,
        Backoff backoff,
        Duration maxRetryAfter,
        @Nullable RetryBudget retryBudget,
        @Nullable CircuitBreakerConfig breakerConfig,
        @Nullable RateLimiterConfig rateLimiterConfig,
        BulkheadConfig bulkheadConfig,
        Clock clock,
        Supplier<String> requestIds,
        @Nullable Object meterRegistry,
        HttpClient.Version httpVersion,
        @Nullable Executor executor,
        @Nullable Delayer delayer,
        String apiVersion) {

    /** Validates what the builder cannot express in types. */
    public ClientSettings {
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be in 1..10, got " + maxAttempts);
        }
        positive("connectTimeout", connectTimeout);
        positive("requestTimeout", requestTimeout);
        positive("callTimeout", callTimeout);
        if (maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException(
                    "maxRetryAfter must not be negative, got " + maxRetryAfter);
        }
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("baseUrl must be http or https, got " + baseUrl);
        }
    }

    private static void positive(String field, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }

    /** Masks the key: the settings may end up in a log or a debugger. */
    @Override
    public String toString() {
        return "ClientSettings[apiKey=****, apiVersion="
                + apiVersion
                + ", baseUrl="
                + baseUrl
                + ", environment="
                + environment
                + ", maxAttempts="
                + maxAttempts
                + ", requestTimeout="
                + requestTimeout
                + ", callTimeout="
                + callTimeout
                + "]";
    }
}
