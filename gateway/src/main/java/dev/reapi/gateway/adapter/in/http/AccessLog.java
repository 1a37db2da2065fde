package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Writes one JSON line per request to the logger {@code reapi.access} and records the request
 * duration histogram {@code reapi.http.requests} per route, method and status. Thread-safe.
 */
final class AccessLog {

    private static final Logger ACCESS = LoggerFactory.getLogger("reapi.access");

    private final MeterRegistry registry;
    private final Clock clock;
    // Routes are templates and statuses few, so this stays as small as the registry's own meters.
    private final ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    AccessLog(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The request timer of one route, method and status; registered once, then reused. */
    private Timer timer(TimerKey key) {
        return Timer.builder("reapi.http.requests")
                .description("Duration of HTTP requests handled by the gateway")
                .tag("route", key.route())
                .tag("method", key.method())
                .tag("status", Integer.toString(key.status()))
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Called once per request after the response is written. */
    void log(Context ctx, Float executionMillis) {
        Integer calls = ctx.attribute(RequestContext.UPSTREAM_CALLS);
        log(
                new Line(
                        RequestContext.requestId(ctx),
                        Guard.principal(ctx).map(p -> p.userId()).orElse(null),
                        ctx.method().name(),
                        RequestContext.route(ctx),
                        ctx.statusCode(),
                        executionMillis,
                        ctx.attribute(RequestContext.SOURCE),
                        calls == null ? 0 : calls));
    }

    /** Records and writes one request's line, then clears the request id from the MDC. */
    void log(Line request) {
        timers.computeIfAbsent(
                        new TimerKey(request.route(), request.method(), request.status()),
                        this::timer)
                .record((long) (request.executionMillis() * 1_000_000), TimeUnit.NANOSECONDS);
        if (!ACCESS.isInfoEnabled()) {
            MDC.remove(RequestContext.MDC_KEY);
            return;
        }
        try {
            ACCESS.info("{}", json(request, clock.instant()));
        } finally {
            MDC.remove(RequestContext.MDC_KEY);
        }
    }

    /**
     * The access-log line of {@code request} at {@code at}: a JSON object, written by hand since it
     * is written once per request (the same text Jackson writes for these fields, in this order).
     */
    static String json(Line request, Instant at) {
        StringBuilder line = new StringBuilder(256);
        line.append("{\"timestamp\":");
        string(line, at.toString());
        line.append(",\"request_id\":");
        string(line, request.requestId());
        line.append(",\"user\":");
        string(line, request.user());
        line.append(",\"method\":");
        string(line, request.method());
        line.append(",\"route\":");
        string(line, request.route());
        line.append(",\"status\":").append(request.status());
        line.append(",\"duration_ms\":").append(Math.round(request.executionMillis() * 10) / 10.0);
        line.append(",\"source\":");
        string(line, request.source());
        line.append(",\"upstream_calls\":").append(request.upstreamCalls()).append('}');
        return line.toString();
    }

    private static void string(StringBuilder line, @Nullable String value) {
        if (value == null) {
            line.append("null");
            return;
        }
        line.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, line);
        line.append('"');
    }

    /**
     * What the access log records of one request.
     *
     * @param requestId the request's id
     * @param user the authenticated user's id, null when none
     * @param method the HTTP method
     * @param route the matched route template, never the raw path
     * @param status the response status
     * @param executionMillis how long the request took in milliseconds
     * @param source where the answer came from ({@code cache}, {@code fresh}...), null when none
     * @param upstreamCalls how many upstream calls the request made
     */
    record Line(
            String requestId,
            @Nullable String user,
            String method,
            String route,
            int status,
            float executionMillis,
            @Nullable String source,
            int upstreamCalls) {}

    private record TimerKey(String route, String method, int status) {}
}
