package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Writes one JSON line per request to the logger {@code reapi.access} and records the request
 * duration histogram {@code reapi.http.requests} per route, method and status. Thread-safe.
 */
final class AccessLog {

    private static final Logger ACCESS = LoggerFactory.getLogger("reapi.access");
    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final Clock clock;
    // Routes are templates and statuses few, so this stays as small as the registry's own meters.
    private final ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    AccessLog(ObjectMapper mapper, MeterRegistry registry, Clock clock) {
        this.mapper = mapper;
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
        String route = RequestContext.route(ctx);
        int status = ctx.statusCode();
        timers.computeIfAbsent(new TimerKey(route, ctx.method().name(), status), this::timer)
                .record((long) (executionMillis * 1_000_000), TimeUnit.NANOSECONDS);
        if (!ACCESS.isInfoEnabled()) {
            MDC.remove(RequestContext.MDC_KEY);
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", clock.instant().toString());
        line.put("request_id", RequestContext.requestId(ctx));
        line.put("user", Guard.principal(ctx).map(p -> p.userId()).orElse(null));
        line.put("method", ctx.method().name());
        line.put("route", route);
        line.put("status", status);
        line.put("duration_ms", Math.round(executionMillis * 10) / 10.0);
        line.put("source", ctx.attribute(RequestContext.SOURCE));
        Integer calls = ctx.attribute(RequestContext.UPSTREAM_CALLS);
        line.put("upstream_calls", calls == null ? 0 : calls);
        try {
            ACCESS.info("{}", mapper.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            LOG.error(
                    "Access log line for request {} could not be written",
                    line.get("request_id"),
                    e);
        } finally {
            MDC.remove(RequestContext.MDC_KEY);
        }
    }

    private record TimerKey(String route, String method, int status) {}
}
