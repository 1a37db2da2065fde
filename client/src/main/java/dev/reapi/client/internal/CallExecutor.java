package dev.reapi.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.CircuitOpenException;
import dev.reapi.client.ClientLimitException;
import dev.reapi.client.RateLimitedException;
import dev.reapi.client.RealEstateApiException;
import dev.reapi.client.UnexpectedResponseException;
import dev.reapi.client.UpstreamTimeoutException;
import dev.reapi.client.UpstreamUnavailableException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs logical calls: per attempt the optional rate limiter, the circuit breaker and the bulkhead,
 * then HTTP; between attempts backoff, {@code Retry-After}, the retry budget and the call's
 * deadline. Non-blocking: waits are scheduled on the {@link Delayer}. Thread-safe.
 */
final class CallExecutor {

    private final ClientSettings settings;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final ErrorMapper errors;
    private final @Nullable CircuitBreaker breaker;
    private final @Nullable RateLimiter limiter;
    private final Bulkhead bulkhead;
    private final ClientMetrics metrics;
    private final Delayer delayer;
    private final Delayer sameThreadDelayer;
    private final CallLog log;

    CallExecutor(
            ClientSettings settings,
            HttpClient http,
            ObjectMapper mapper,
            @Nullable CircuitBreaker breaker,
            @Nullable RateLimiter limiter,
            Bulkhead bulkhead,
            ClientMetrics metrics,
            Delayer delayer,
            Delayer sameThreadDelayer) {
        this.settings = settings;
        this.http = http;
        this.mapper = mapper;
        this.errors = new ErrorMapper(mapper, settings.clock());
        this.breaker = breaker;
        this.limiter = limiter;
        this.bulkhead = bulkhead;
        this.metrics = metrics;
        this.delayer = delayer;
        this.sameThreadDelayer = sameThreadDelayer;
        this.log = new CallLog();
    }

    /**
     * Runs {@code call}. Blocking runs use {@code HttpClient.send} and wait on the caller's thread,
     * which saves the thread hops of the async path; the future is complete on return.
     */
    <T> CompletableFuture<T> execute(Call call, Class<T> type, boolean blocking) {
        ResponseReader<T> reader = (operation, requestId, status, body) -> decode(body, type);
        return execute(call, reader, errors, blocking);
    }

    /**
     * Runs {@code call}, decoding a 2xx answer with {@code reader} and mapping any other with
     * {@code responseErrors}; see {@link #execute(Call, Class, boolean)}.
     */
    <T> CompletableFuture<T> execute(
            Call call, ResponseReader<T> reader, ResponseErrors responseErrors, boolean blocking) {
        Run<T> run = new Run<>(call, reader, responseErrors, blocking);
        if (settings.retryBudget() != null) {
            settings.retryBudget().onRequest();
        }
        run.attempt();
        return run.result;
    }

    private <T> T decode(byte[] body, Class<T> type) throws IOException {
        try {
            return mapper.readValue(body, type);
        } catch (IOException | RuntimeException e) {
            throw new IOException(type.getSimpleName() + " expected: " + e.getMessage(), e);
        }
    }

    /** The mapping of problem answers and transport failures. */
    ErrorMapper errors() {
        return errors;
    }

    /** Whether the breaker counts {@code failure} against the upstream. */
    static boolean isBreakerFailure(Throwable failure) {
        return failure instanceof UpstreamUnavailableException
                || failure instanceof UpstreamTimeoutException;
    }

    /** The state of one logical call across its attempts. */
    private final class Run<T> {
        final Call call;
        final ResponseReader<T> reader;
        final ResponseErrors responseErrors;
        final boolean blocking;
        final Delayer waits;
        final CompletableFuture<T> result = new CompletableFuture<>();
        final long startNanos = System.nanoTime();
        final Instant deadline;
        int attempts;
        int lastStatus;

        Run(Call call, ResponseReader<T> reader, ResponseErrors responseErrors, boolean blocking) {
            this.call = call;
            this.reader = reader;
            this.responseErrors = responseErrors;
            this.blocking = blocking;
            this.waits = blocking ? sameThreadDelayer : delayer;
            this.deadline = settings.clock().instant().plus(settings.callTimeout());
        }

        void attempt() {
            attempts++;
            if (limiter == null) {
                send();
                return;
            }
            long waitNanos = limiter.reservePermission();
            if (waitNanos < 0) {
                fail(
                        new ClientLimitException(
                                call.operation(),
                                0,
                                call.requestId(),
                                "client-side rate limit reached; no permit within "
                                        + limiter.getRateLimiterConfig().getTimeoutDuration(),
                                null));
            } else if (waitNanos == 0) {
                send();
            } else {
                waits.schedule(this::send, Duration.ofNanos(waitNanos));
            }
        }

        void send() {
            if (!acquirePermits()) {
                return;
            }
            long sentNanos = System.nanoTime();
            if (blocking) {
                sendOnThisThread(sentNanos);
                return;
            }
            try {
                var unused =
                        http.sendAsync(request(), HttpResponse.BodyHandlers.ofByteArray())
                                .whenComplete(
                                        (response, failure) ->
                                                received(response, failure, sentNanos));
            } catch (RuntimeException e) {
                received(null, e, sentNanos);
            }
        }

        /** Takes a breaker and a bulkhead permit, or fails the call without sending it. */
        boolean acquirePermits() {
            if (breaker != null && !breaker.tryAcquirePermission()) {
                String state = "circuit breaker is " + breaker.getState() + "; call not sent";
                fail(new CircuitOpenException(call.operation(), 0, call.requestId(), state, null));
                return false;
            }
            if (bulkhead.tryAcquirePermission()) {
                return true;
            }
            if (breaker != null) {
                breaker.releasePermission();
            }
            int max = bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
            String detail = "more than " + max + " concurrent calls; call not sent";
            fail(new ClientLimitException(call.operation(), 0, call.requestId(), detail, null));
            return false;
        }

        void sendOnThisThread(long sentNanos) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException | RuntimeException e) {
                received(null, e, sentNanos);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                received(null, e, sentNanos);
                return;
            }
            received(response, null, sentNanos);
        }

        HttpRequest request() {
            Duration remaining = Duration.between(settings.clock().instant(), deadline);
            Duration timeout =
                    remaining.compareTo(settings.requestTimeout()) < 0
                            ? remaining
                            : settings.requestTimeout();
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(call.uri())
                            .timeout(
                                    timeout.isNegative() || timeout.isZero()
                                            ? Duration.ofMillis(1)
                                            : timeout)
                            .header("Accept", "application/json")
                            .header("X-Client-Version", settings.clientVersion())
                            .header("X-Environment", settings.environment())
                            .header("X-Request-Id", call.requestId());
            if (call.authenticated()) {
                builder.header("X-API-Key", settings.apiKey());
            }
            byte[] body = call.body();
            if (body == null) {
                builder.GET();
            } else {
                builder.header("Content-Type", "application/json")
                        .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(body));
            }
            return builder.build();
        }

        void received(
                @Nullable HttpResponse<byte[]> response,
                @Nullable Throwable failure,
                long sentNanos) {
            bulkhead.onComplete();
            long elapsed = System.nanoTime() - sentNanos;
            RealEstateApiException error;
            if (response == null) {
                lastStatus = 0;
                error =
                        errors.fromThrowable(
                                call.operation(),
                                call.requestId(),
                                failure == null ? new IOException("no response") : failure);
            } else {
                lastStatus = response.statusCode();
                if (lastStatus >= 200 && lastStatus < 300) {
                    succeeded(response.body(), elapsed);
                    return;
                }
                error =
                        responseErrors.fromResponse(
                                call.operation(),
                                call.requestId(),
                                lastStatus,
                                response.body(),
                                response.headers().firstValue("Retry-After"));
            }
            failed(error, elapsed);
        }

        void failed(RealEstateApiException error, long elapsed) {
            if (breaker != null) {
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, error);
            }
            retryOrFail(error);
        }

        void succeeded(byte[] body, long elapsed) {
            T value;
            try {
                value = reader.read(call.operation(), call.requestId(), lastStatus, body);
            } catch (RealEstateApiException e) {
                // An error reported inside a 2xx answer: as if it had come with its own status.
                failed(e, elapsed);
                return;
            } catch (IOException | RuntimeException e) {
                if (breaker != null) {
                    breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                }
                fail(
                        new UnexpectedResponseException(
                                call.operation(),
                                lastStatus,
                                call.requestId(),
                                "undecodable answer: " + e.getMessage(),
                                e));
                return;
            }
            if (breaker != null) {
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            }
            finish(value, null);
        }

        void retryOrFail(RealEstateApiException error) {
            Duration delay = delayBeforeRetry(error);
            if (delay == null) {
                fail(error);
                return;
            }
            if (settings.clock().instant().plus(delay).isAfter(deadline)) {
                log.giveUp(call, attempts, "the call's deadline would pass", error);
                fail(error);
                return;
            }
            RetryBudget budget = settings.retryBudget();
            if (budget != null && !budget.tryAcquireRetry()) {
                log.giveUp(call, attempts, "the retry budget is spent", error);
                fail(error);
                return;
            }
            metrics.recordRetry(call.operation(), reason(error));
            log.retry(call, attempts, delay, error);
            waits.schedule(this::attempt, delay);
        }

        @Nullable Duration delayBeforeRetry(RealEstateApiException error) {
            if (attempts >= settings.maxAttempts()) {
                return null;
            }
            if (error instanceof RateLimitedException limited) {
                Duration wait = limited.retryAfter();
                return wait.compareTo(settings.maxRetryAfter()) <= 0 ? wait : null;
            }
            if (isBreakerFailure(error)) {
                return settings.backoff().delay(attempts);
            }
            return null;
        }

        void fail(RealEstateApiException error) {
            finish(null, error);
        }

        void finish(@Nullable T value, @Nullable RealEstateApiException error) {
            long nanos = System.nanoTime() - startNanos;
            String outcome = error == null ? "success" : CallLog.outcome(error);
            metrics.recordCall(call.operation(), outcome, nanos);
            log.finished(call, error == null ? lastStatus : error.status(), nanos, attempts, error);
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
        }
    }

    private static String reason(RealEstateApiException error) {
        return CallLog.outcome(error);
    }
}
