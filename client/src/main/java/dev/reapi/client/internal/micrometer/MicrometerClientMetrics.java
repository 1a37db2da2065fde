package dev.reapi.client.internal.micrometer;

import dev.reapi.client.internal.ClientMetrics;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Client metrics in Micrometer: {@code reapi.client.calls} (timer with a percentile histogram, tags
 * {@code operation} and {@code outcome}), {@code reapi.client.retries} (counter, tags {@code
 * operation} and {@code reason}), and Resilience4j's own breaker, bulkhead and rate limiter meters.
 * Thread-safe.
 */
public final class MicrometerClientMetrics implements ClientMetrics {

    private final MeterRegistry registry;

    private MicrometerClientMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Binds the meters to {@code meterRegistry}, which must be a Micrometer {@code MeterRegistry}
     * (typed as Object so that callers need not load Micrometer).
     */
    public static ClientMetrics bind(
            Object meterRegistry,
            CircuitBreakerRegistry breakers,
            BulkheadRegistry bulkheads,
            RateLimiterRegistry limiters) {
        MeterRegistry registry = (MeterRegistry) meterRegistry;
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiters).bindTo(registry);
        return new MicrometerClientMetrics(registry);
    }

    @Override
    public void recordCall(String operation, String outcome, long nanos) {
        Timer.builder("reapi.client.calls")
                .description("Logical upstream calls, retries included")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void recordRetry(String operation, String reason) {
        Counter.builder("reapi.client.retries")
                .description("Retries of upstream calls")
                .tag("operation", operation)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
