package dev.reapi.client;

import dev.reapi.client.internal.Backoff;
import dev.reapi.client.internal.ClientCore;
import dev.reapi.client.internal.ClientSettings;
import dev.reapi.client.internal.Delayer;
import dev.reapi.client.internal.Protocol;
import dev.reapi.client.internal.RetryBudget;
import dev.reapi.client.internal.V1Protocol;
import dev.reapi.client.internal.v2.V2Protocol;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link RealEstateApiClient}. Every setting has a default, named on its method; only
 * the API key is required. Not thread-safe; build once and share the client.
 */
public final class RealEstateApiClientBuilder {

    private @Nullable String apiKey;
    private URI baseUrl = RealEstateApiClient.DEFAULT_BASE_URL;
    private String environment = "production";
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration callTimeout = Duration.ofSeconds(30);
    private int maxAttempts = 3;
    private Duration backoffBase = Duration.ofMillis(100);
    private Duration backoffMax = Duration.ofSeconds(2);
    private RandomGenerator random = new Random();
    private Duration maxRetryAfter = Duration.ofSeconds(5);
    private boolean retryBudgetEnabled = true;
    private double retryBudgetRatio = 0.2;
    private int retryBudgetMinPerSecond = 3;
    private Duration retryBudgetWindow = Duration.ofSeconds(10);
    private @Nullable CircuitBreakerConfig breakerConfig = defaultBreaker();
    private @Nullable RateLimiterConfig rateLimiterConfig;
    private int maxConcurrentCalls = 64;
    private Clock clock = Clock.systemUTC();
    private Supplier<String> requestIds = () -> UUID.randomUUID().toString();
    private @Nullable Object meterRegistry;
    private HttpClient.Version httpVersion = HttpClient.Version.HTTP_1_1;
    private @Nullable Executor executor;
    private @Nullable Delayer delayer;
    private Provider provider = Provider.V1;

    RealEstateApiClientBuilder() {}

    /**
     * Which API generation to speak; default {@link Provider#V1}. Both return the same model types;
     * operations one generation lacks throw {@link UnsupportedOperationException} naming what to
     * use instead.
     */
    public RealEstateApiClientBuilder provider(Provider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
        return this;
    }

    /** The upstream API key (required), sent as {@code X-API-Key}; never logged. */
    public RealEstateApiClientBuilder apiKey(String apiKey) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        return this;
    }

    /** The upstream base URL; default {@code https://api.realestateapi.com}. */
    public RealEstateApiClientBuilder baseUrl(String baseUrl) {
        return baseUrl(URI.create(baseUrl));
    }

    /** The upstream base URL; default {@code https://api.realestateapi.com}. */
    public RealEstateApiClientBuilder baseUrl(URI baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        return this;
    }

    /**
     * Reads the key from {@value RealEstateApiClient#API_KEY_ENV} and, when set, the base URL from
     * {@value RealEstateApiClient#BASE_URL_ENV}.
     *
     * @param env the environment, usually {@code System.getenv()}
     * @throws IllegalStateException naming the variable when the key is missing or blank
     */
    public RealEstateApiClientBuilder fromEnvironment(Map<String, String> env) {
        String key = env.get(RealEstateApiClient.API_KEY_ENV);
        if (key == null || key.isBlank()) {
            throw new IllegalStateException(
                    "environment variable "
                            + RealEstateApiClient.API_KEY_ENV
                            + " is missing or blank; set it to your upstream API key");
        }
        this.apiKey = key.strip();
        String url = env.get(RealEstateApiClient.BASE_URL_ENV);
        if (url != null && !url.isBlank()) {
            this.baseUrl = URI.create(url.strip());
        }
        return this;
    }

    /** The {@code X-Environment} header; default {@code production}. */
    public RealEstateApiClientBuilder environment(String environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        return this;
    }

    /** TCP connect timeout; default 5 s. */
    public RealEstateApiClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    /** Timeout of one attempt until its response headers arrive; default 10 s. */
    public RealEstateApiClientBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = timeout;
        return this;
    }

    /** Deadline of a logical call across all its attempts and waits; default 30 s. */
    public RealEstateApiClientBuilder callTimeout(Duration timeout) {
        this.callTimeout = timeout;
        return this;
    }

    /**
     * Attempts per call including the first, 1..10; default 3. Only 5xx answers, timeouts, broken
     * connections and per-second 429s are retried.
     */
    public RealEstateApiClientBuilder maxAttempts(int attempts) {
        this.maxAttempts = attempts;
        return this;
    }

    /**
     * Exponential backoff with full jitter: retry {@code n} waits a uniform random time in {@code
     * [0, min(max, base * 2^(n-1))]}; default base 100 ms, max 2 s.
     */
    public RealEstateApiClientBuilder backoff(Duration base, Duration max) {
        this.backoffBase = base;
        this.backoffMax = max;
        return this;
    }

    /** The jitter source; default an unseeded {@link Random}. Pass a seeded one to reproduce. */
    public RealEstateApiClientBuilder random(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * The longest {@code Retry-After} of a per-second 429 the client waits for before retrying; a
     * longer one fails the call with {@link RateLimitedException}. Default 5 s.
     */
    public RealEstateApiClientBuilder maxRetryAfter(Duration max) {
        this.maxRetryAfter = max;
        return this;
    }

    /**
     * The retry budget: over a sliding {@code window}, retries may reach {@code ratio} of the
     * requests, and at least {@code minPerSecond} per second. Default 20 %, 3 per second, 10 s.
     */
    public RealEstateApiClientBuilder retryBudget(double ratio, int minPerSecond, Duration window) {
        this.retryBudgetEnabled = true;
        this.retryBudgetRatio = ratio;
        this.retryBudgetMinPerSecond = minPerSecond;
        this.retryBudgetWindow = window;
        return this;
    }

    /** Turns the retry budget off, so that every call may use all its attempts. */
    public RealEstateApiClientBuilder withoutRetryBudget() {
        this.retryBudgetEnabled = false;
        return this;
    }

    /**
     * The circuit breaker's settings. Whatever the given config says, only 5xx answers, timeouts
     * and broken connections count as failures, and the builder's clock is used. Default: count
     * window of 20 calls, at least 10 calls, opens at 50 % failures, stays open 10 s, then lets 3
     * probe calls through half-open.
     */
    public RealEstateApiClientBuilder circuitBreaker(CircuitBreakerConfig config) {
        this.breakerConfig = Objects.requireNonNull(config, "config");
        return this;
    }

    /** Turns the circuit breaker off. */
    public RealEstateApiClientBuilder withoutCircuitBreaker() {
        this.breakerConfig = null;
        return this;
    }

    /**
     * A client-side limit of {@code permitsPerSecond} attempts per second; a call waits up to
     * {@code maxWait} for a permit, then fails with {@link ClientLimitException}. Default: off.
     */
    public RealEstateApiClientBuilder rateLimit(int permitsPerSecond, Duration maxWait) {
        this.rateLimiterConfig =
                RateLimiterConfig.custom()
                        .limitForPeriod(permitsPerSecond)
                        .limitRefreshPeriod(Duration.ofSeconds(1))
                        .timeoutDuration(maxWait)
                        .build();
        return this;
    }

    /**
     * The most attempts in flight at once; more fail at once with {@link ClientLimitException}.
     * Default 64.
     */
    public RealEstateApiClientBuilder maxConcurrentCalls(int max) {
        this.maxConcurrentCalls = max;
        return this;
    }

    /**
     * The time source for deadlines, the retry budget and the breaker; default UTC system clock.
     */
    public RealEstateApiClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Makes the request id of each call that has none from the caller; default random UUIDs. */
    public RealEstateApiClientBuilder requestIds(Supplier<String> generator) {
        this.requestIds = Objects.requireNonNull(generator, "generator");
        return this;
    }

    /**
     * Publishes call timers, retry counters and breaker, bulkhead and rate limiter meters to {@code
     * registry}. Default: no metrics, and no Micrometer class is loaded.
     */
    public RealEstateApiClientBuilder meterRegistry(MeterRegistry registry) {
        this.meterRegistry = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /** The HTTP version; default HTTP/1.1, which needs no upgrade round trip on plain HTTP. */
    public RealEstateApiClientBuilder httpVersion(HttpClient.Version version) {
        this.httpVersion = Objects.requireNonNull(version, "version");
        return this;
    }

    /** The executor of the HTTP client and its callbacks; default the JDK client's own. */
    public RealEstateApiClientBuilder executor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /** Replaces the timer that runs delayed retries; tests use it to avoid real waits. */
    RealEstateApiClientBuilder delayer(Delayer delayer) {
        this.delayer = delayer;
        return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException when no API key was set
     * @throws IllegalArgumentException when a setting is out of range
     */
    public RealEstateApiClient build() {
        String key = apiKey;
        if (key == null || key.isBlank()) {
            throw new IllegalStateException(
                    "an API key is required: call apiKey(...) or fromEnvironment(...) with "
                            + RealEstateApiClient.API_KEY_ENV
                            + " set");
        }
        RetryBudget budget =
                retryBudgetEnabled
                        ? new RetryBudget(
                                retryBudgetRatio, retryBudgetMinPerSecond, retryBudgetWindow, clock)
                        : null;
        BulkheadConfig bulkhead =
                BulkheadConfig.custom()
                        .maxConcurrentCalls(maxConcurrentCalls)
                        .maxWaitDuration(Duration.ZERO)
                        .build();
        ClientSettings settings =
                new ClientSettings(
                        key,
                        baseUrl,
                        environment,
                        ClientVersion.get(),
                        connectTimeout,
                        requestTimeout,
                        callTimeout,
                        maxAttempts,
                        new Backoff(backoffBase, backoffMax, random),
                        maxRetryAfter,
                        budget,
                        breakerConfig,
                        rateLimiterConfig,
                        bulkhead,
                        clock,
                        requestIds,
                        meterRegistry,
                        httpVersion,
                        executor,
                        delayer,
                        provider.name().toLowerCase(Locale.ROOT));
        ClientCore core = new ClientCore(settings);
        Protocol protocol = provider == Provider.V1 ? new V1Protocol(core) : new V2Protocol(core);
        return new RealEstateApiClient(core, provider, protocol, null, true);
    }

    private static CircuitBreakerConfig defaultBreaker() {
        return CircuitBreakerConfig.custom()
                .slidingWindow(20, 10, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .permittedNumberOfCallsInHalfOpenState(3)
                .build();
    }
}
