package dev.reapi.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reapi.sandbox.FaultSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@link FaultSettings} to and from the snake_case JSON of {@code /_sandbox/faults}. */
final class FaultsJson {
    private static final Set<String> TOP =
            Set.of(
                    "latency",
                    "error_rate",
                    "error_statuses",
                    "timeout_rate",
                    "timeout_ms",
                    "reset_rate",
                    "outage_seconds",
                    "rate_limit_rps",
                    "daily_quota_records",
                    "fail_next",
                    "webhooks");

    private FaultsJson() {}

    static String write(FaultSettings f) {
        JsonOut out = new JsonOut(512);
        out.beginObject();
        out.name("latency")
                .beginObject()
                .field("distribution", f.latency().distribution())
                .field("p50_ms", f.latency().p50Ms())
                .field("p99_ms", f.latency().p99Ms())
                .endObject();
        out.field("error_rate", f.errorRate()).name("error_statuses").beginArray();
        f.errorStatuses().forEach(s -> out.value((long) s));
        out.endArray()
                .field("timeout_rate", f.timeoutRate())
                .field("timeout_ms", f.timeoutMs())
                .field("reset_rate", f.resetRate())
                .field("outage_seconds", f.outageSeconds())
                .field("rate_limit_rps", f.rateLimitRps())
                .field("daily_quota_records", f.dailyQuotaRecords());
        out.name("fail_next")
                .beginObject()
                .field("count", f.failNext().count())
                .field("status", f.failNext().status())
                .endObject();
        out.name("webhooks")
                .beginObject()
                .field("delay_ms", f.webhooks().delayMs())
                .field("duplicate_rate", f.webhooks().duplicateRate())
                .name("reorder")
                .value(f.webhooks().reorder())
                .endObject();
        return out.endObject().toString();
    }

    /** Parses a full settings document; absent members take the defaults of {@code none()}. */
    static FaultSettings read(JsonNode body) {
        JsonBodies.object(body, "");
        JsonBodies.onlyFields(body, "", TOP);
        FaultSettings f = FaultSettings.none();
        FaultSettings.Latency latency = f.latency();
        JsonNode l = body.get("latency");
        if (l != null) {
            JsonBodies.object(l, "latency");
            JsonBodies.onlyFields(l, "latency", Set.of("distribution", "p50_ms", "p99_ms"));
            String dist =
                    l.has("distribution")
                            ? JsonBodies.string(l.get("distribution"), "latency.distribution")
                            : "fixed";
            if (!FaultSettings.Latency.DISTRIBUTIONS.contains(dist)) {
                throw ApiProblem.badRequest(
                        "latency.distribution", "must be one of none, fixed, uniform, lognormal");
            }
            long p50 =
                    l.has("p50_ms")
                            ? JsonBodies.integer(l.get("p50_ms"), "latency.p50_ms", 0, 600_000)
                            : 0;
            long p99 =
                    l.has("p99_ms")
                            ? JsonBodies.integer(l.get("p99_ms"), "latency.p99_ms", 0, 600_000)
                            : p50;
            if (p99 < p50) {
                throw ApiProblem.badRequest("latency.p99_ms", "must be >= latency.p50_ms");
            }
            latency = new FaultSettings.Latency(dist, p50, p99);
        }
        List<Integer> statuses = f.errorStatuses();
        JsonNode st = body.get("error_statuses");
        if (st != null) {
            if (!st.isArray() || st.isEmpty()) {
                throw ApiProblem.badRequest("error_statuses", "must be a non-empty array");
            }
            statuses = new ArrayList<>();
            for (int i = 0; i < st.size(); i++) {
                long s = JsonBodies.integer(st.get(i), "error_statuses[" + i + "]", 500, 503);
                if (!FaultSettings.ERROR_STATUSES.contains((int) s)) {
                    throw ApiProblem.badRequest(
                            "error_statuses[" + i + "]", "must be 500, 502 or 503");
                }
                statuses.add((int) s);
            }
        }
        return new FaultSettings(
                latency,
                rate(body, "error_rate"),
                statuses,
                rate(body, "timeout_rate"),
                whole(body, "timeout_ms", 5_000, 600_000),
                rate(body, "reset_rate"),
                whole(body, "outage_seconds", 0, 31_536_000),
                (int) whole(body, "rate_limit_rps", 0, 1_000_000),
                whole(body, "daily_quota_records", 0, Long.MAX_VALUE),
                failNext(body.get("fail_next")),
                webhooks(body.get("webhooks")));
    }

    private static FaultSettings.FailNext failNext(JsonNode n) {
        if (n == null) {
            return FaultSettings.FailNext.NONE;
        }
        JsonBodies.object(n, "fail_next");
        JsonBodies.onlyFields(n, "fail_next", Set.of("count", "status"));
        return new FaultSettings.FailNext(
                (int) whole(n, "count", 0, 1_000_000, "fail_next."),
                (int)
                        (n.has("status")
                                ? JsonBodies.integer(n.get("status"), "fail_next.status", 400, 599)
                                : 503));
    }

    private static FaultSettings.WebhookFaults webhooks(JsonNode n) {
        if (n == null) {
            return FaultSettings.WebhookFaults.NONE;
        }
        JsonBodies.object(n, "webhooks");
        JsonBodies.onlyFields(n, "webhooks", Set.of("delay_ms", "duplicate_rate", "reorder"));
        JsonNode reorder = n.get("reorder");
        if (reorder != null && !reorder.isBoolean()) {
            throw ApiProblem.badRequest("webhooks.reorder", "must be a boolean");
        }
        return new FaultSettings.WebhookFaults(
                whole(n, "delay_ms", 0, 600_000, "webhooks."),
                n.has("duplicate_rate")
                        ? JsonBodies.number(
                                n.get("duplicate_rate"), "webhooks.duplicate_rate", 0, 1, false)
                        : 0,
                reorder != null && reorder.asBoolean());
    }

    private static double rate(JsonNode body, String name) {
        JsonNode n = body.get(name);
        return n == null ? 0 : JsonBodies.number(n, name, 0, 1, false);
    }

    private static long whole(JsonNode body, String name, long dflt, long max) {
        JsonNode n = body.get(name);
        return n == null ? dflt : JsonBodies.integer(n, name, 0, max);
    }

    private static long whole(JsonNode body, String name, long min, long max, String prefix) {
        JsonNode n = body.get(name);
        return n == null ? min : JsonBodies.integer(n, prefix + name, 0, max);
    }
}
