package dev.reapi.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.CircuitState;
import dev.reapi.client.RealEstateApiException;
import dev.reapi.client.UnexpectedResponseException;
import dev.reapi.client.model.ModelJson;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one client instance owns: the HTTP client, the resilience components, metrics and the retry
 * timer. Views of the facade share one core. Thread-safe.
 */
public final class ClientCore implements AutoCloseable {

    /** The name of the breaker, bulkhead and rate limiter, as seen in metrics. */
    public static final String RESILIENCE_NAME = "realestateapi";

    private static final Logger LOG =
            LoggerFactory.getLogger("dev.reapi.client.RealEstateApiClient");

    private final ClientSettings settings;
    private final HttpClient http;
    private final ObjectMapper mapper = ModelJson.newMapper();
    private final @Nullable CircuitBreaker breaker;
    private final ClientMetrics metrics;
    private final @Nullable TimerDelayer timer;
    private final CallExecutor executor;

    /** Builds the HTTP client and the resilience components from {@code settings}. */
    public ClientCore(ClientSettings settings) {
        this.settings = settings;
        HttpClient.Builder httpBuilder =
                HttpClient.newBuilder()
                        .connectTimeout(settings.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .version(settings.httpVersion());
        if (settings.executor() != null) {
            httpBuilder.executor(settings.executor());
        }
        this.http = httpBuilder.build();

        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        this.breaker =
                settings.breakerConfig() == null
                        ? null
                        : breakers.circuitBreaker(RESILIENCE_NAME, breakerConfig(settings));
        BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
        Bulkhead bulkhead = bulkheads.bulkhead(RESILIENCE_NAME, settings.bulkheadConfig());
        RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();
        RateLimiter limiter =
                settings.rateLimiterConfig() == null
                        ? null
                        : limiters.rateLimiter(RESILIENCE_NAME, settings.rateLimiterConfig());

        this.metrics =
                settings.meterRegistry() == null
                        ? ClientMetrics.NOOP
                        : dev.reapi.client.internal.micrometer.MicrometerClientMetrics.bind(
                                settings.meterRegistry(), breakers, bulkheads, limiters);

        Delayer delayer = settings.delayer();
        Delayer sameThread = delayer;
        if (delayer == null) {
            TimerDelayer ownTimer = new TimerDelayer("reapi-client-timer");
            this.timer = ownTimer;
            delayer = ownTimer;
            sameThread = ClientCore::sleepThenRun;
        } else {
            this.timer = null;
        }
        this.executor =
                new CallExecutor(
                        settings,
                        http,
                        mapper,
                        breaker,
                        limiter,
                        bulkhead,
                        metrics,
                        delayer,
                        sameThread);
        logStart(settings);
    }

    private static void logStart(ClientSettings settings) {
        LOG.info(
                "RealEstateApiClient ready: api={} base_url={} environment={} version={}"
                        + " max_attempts={} request_timeout={} call_timeout={} retry_budget={}"
                        + " circuit_breaker={} rate_limit={} max_concurrent_calls={}",
                settings.apiVersion(),
                settings.baseUrl(),
                settings.environment(),
                settings.clientVersion(),
                settings.maxAttempts(),
                settings.requestTimeout(),
                settings.callTimeout(),
                settings.retryBudget() == null ? "off" : "on",
                settings.breakerConfig() == null ? "off" : "on",
                settings.rateLimiterConfig() == null
                        ? "off"
                        : settings.rateLimiterConfig().getLimitForPeriod() + "/s",
                settings.bulkheadConfig().getMaxConcurrentCalls());
        if (settings.retryBudget() == null && settings.maxAttempts() > 1) {
            LOG.warn(
                    "Retry budget disabled: during an outage every call may make up to {}"
                            + " attempts against the upstream",
                    settings.maxAttempts());
        }
        String host = settings.baseUrl().getHost();
        boolean local = "localhost".equals(host) || "127.0.0.1".equals(host) || "::1".equals(host);
        if ("http".equals(settings.baseUrl().getScheme()) && !local) {
            LOG.warn(
                    "Base URL {} is plain HTTP: the API key travels unencrypted; use https",
                    settings.baseUrl());
        }
    }

    /** How a blocking call waits: on its own thread, which it holds anyway. */
    private static void sleepThenRun(Runnable task, Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        task.run();
    }

    private static CircuitBreakerConfig breakerConfig(ClientSettings settings) {
        CircuitBreakerConfig base = settings.breakerConfig();
        return CircuitBreakerConfig.from(base)
                .recordException(CallExecutor::isBreakerFailure)
                .clock(settings.clock())
                .build();
    }

    /**
     * A GET of {@code pathAndQuery} decoded as {@code type}. With {@code blocking}, the call runs
     * on the caller's thread (waits between attempts included) and the returned future is already
     * complete; otherwise it runs on the HTTP client's and the timer's threads.
     */
    public <T> CompletableFuture<T> get(
            String operation,
            String pathAndQuery,
            Class<T> type,
            String requestId,
            boolean blocking) {
        boolean authenticated = !"getHealth".equals(operation);
        Call call = new Call(operation, "GET", uri(pathAndQuery), null, authenticated, requestId);
        return executor.execute(call, type, blocking);
    }

    /**
     * A POST of {@code body} as JSON to {@code path}, decoded as {@code type}; see {@link #get}.
     */
    public <T> CompletableFuture<T> post(
            String operation,
            String path,
            Object body,
            Class<T> type,
            String requestId,
            boolean blocking) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(
                    new UnexpectedResponseException(
                            operation, 0, requestId, "cannot encode request: " + e, e));
        }
        Call call = new Call(operation, "POST", uri(path), json, true, requestId);
        return executor.execute(call, type, blocking);
    }

    /**
     * Runs {@code exchange}: its body is sent as JSON, a 2xx answer is decoded by its reader and
     * any other by its error mapping; retries, breaker and limits as for {@link #get}.
     */
    public <T> CompletableFuture<T> send(Exchange<T> exchange, String requestId, boolean blocking) {
        byte[] json = null;
        if (exchange.body() != null) {
            try {
                json = mapper.writeValueAsBytes(exchange.body());
            } catch (JsonProcessingException e) {
                return CompletableFuture.failedFuture(
                        new UnexpectedResponseException(
                                exchange.operation(),
                                0,
                                requestId,
                                "cannot encode request: " + e,
                                e));
            }
        }
        Call call =
                new Call(
                        exchange.operation(),
                        exchange.method(),
                        uri(exchange.pathAndQuery()),
                        json,
                        exchange.authenticated(),
                        requestId);
        return executor.execute(call, exchange.reader(), exchange.errors(), blocking);
    }

    /**
     * Opens {@code uri} for streaming, on the caller's thread, in one attempt: a body read as it is
     * consumed cannot be retried halfway. The request carries the request id but not the API key
     * (download links are self-authenticating and may point elsewhere).
     *
     * @param errors maps a non-2xx answer; the error body read for it is capped at 64 KiB
     * @return the body; the caller closes it
     */
    public InputStream download(
            String operation, URI uri, String requestId, ResponseErrors errors) {
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(settings.requestTimeout())
                        .header("X-Client-Version", settings.clientVersion())
                        .header("X-Request-Id", requestId)
                        .GET()
                        .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw executor.errors().fromThrowable(operation, requestId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw executor.errors().fromThrowable(operation, requestId, e);
        }
        InputStream body = response.body();
        if (response.statusCode() / 100 == 2) {
            return body;
        }
        byte[] head;
        try (body) {
            head = body.readNBytes(64 * 1024);
        } catch (IOException e) {
            head = new byte[0];
        }
        throw errors.fromResponse(
                operation,
                requestId,
                response.statusCode(),
                head,
                response.headers().firstValue("Retry-After"));
    }

    /** The JSON mapper of the wire records, for protocols that decode answers themselves. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** The configured time source. */
    public Clock clock() {
        return settings.clock();
    }

    /** The error mapping of RFC 9457 problem answers. */
    public ErrorMapper errors() {
        return executor.errors();
    }

    /** A fresh request id from the configured generator. */
    public String newRequestId() {
        return requireValidRequestId(settings.requestIds().get());
    }

    /**
     * Returns {@code requestId} if it can travel in a header: 1..200 printable ASCII characters.
     *
     * @throws IllegalArgumentException naming the value otherwise
     */
    public static String requireValidRequestId(String requestId) {
        if (requestId.isEmpty() || requestId.length() > 200) {
            throw new IllegalArgumentException(
                    "requestId must be 1..200 characters, got " + requestId.length());
        }
        for (int i = 0; i < requestId.length(); i++) {
            char c = requestId.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException(
                        "requestId must be printable ASCII without spaces, got '"
                                + requestId
                                + "'");
            }
        }
        return requestId;
    }

    /** The breaker's state, {@link CircuitState#CLOSED} when the breaker is disabled. */
    public CircuitState circuitState() {
        if (breaker == null) {
            return CircuitState.CLOSED;
        }
        return switch (breaker.getState()) {
            case CLOSED -> CircuitState.CLOSED;
            case OPEN -> CircuitState.OPEN;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            default -> CircuitState.OTHER;
        };
    }

    /** The configured base URL. */
    public URI baseUrl() {
        return settings.baseUrl();
    }

    /**
     * Waits for {@code future} and returns its value, rethrowing a {@link RealEstateApiException}
     * as itself rather than wrapped.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = ErrorMapper.unwrap(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        LOG.info("RealEstateApiClient closed: base_url={}", settings.baseUrl());
        metrics.close();
        if (timer != null) {
            timer.close();
        }
        http.shutdownNow();
        try {
            http.awaitTermination(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI uri(String pathAndQuery) {
        String base = settings.baseUrl().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + pathAndQuery);
    }
}
