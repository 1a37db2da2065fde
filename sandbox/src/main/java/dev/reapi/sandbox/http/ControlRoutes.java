package dev.reapi.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reapi.sandbox.FaultSettings;
import dev.reapi.sandbox.MarketChange;
import dev.reapi.sandbox.StatsSnapshot;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code /_sandbox} control routes: faults, stats, webhooks, market, truth. No key. */
final class ControlRoutes {
    private static final String JSON = "application/json";
    private static final int MAX_TICK = 100_000;

    private final Api api;
    private final ControlPort control;

    ControlRoutes(Api api, ControlPort control) {
        this.api = api;
        this.control = control;
    }

    void register(JavalinConfig config) {
        config.routes.get("/_sandbox/faults", this::getFaults);
        config.routes.post(
                "/_sandbox/faults",
                ctx -> {
                    FaultSettings settings;
                    try {
                        settings = FaultsJson.read(JsonBodies.read(ctx));
                    } catch (IllegalArgumentException e) {
                        throw ApiProblem.badRequest("body", e.getMessage());
                    }
                    api.faults.set(settings);
                    getFaults(ctx);
                });
        config.routes.delete(
                "/_sandbox/faults",
                ctx -> {
                    api.faults.set(FaultSettings.none());
                    getFaults(ctx);
                });
        config.routes.get(
                "/_sandbox/stats",
                ctx -> ctx.contentType(JSON).result(statsJson(api.stats.snapshot())));
        config.routes.post(
                "/_sandbox/stats/reset",
                ctx -> {
                    api.stats.reset();
                    api.faults.resetUsage();
                    ctx.contentType(JSON).result(statsJson(api.stats.snapshot()));
                });
        config.routes.post("/_sandbox/webhooks", this::registerWebhook);
        config.routes.post("/_sandbox/market/tick", this::tick);
        config.routes.get(
                "/_sandbox/properties/{id}",
                ctx -> {
                    JsonOut out = new JsonOut(1_024);
                    PropertyJson.write(
                            out,
                            new PropertyRoutes(api).require(ctx.pathParam("id")),
                            api.data.geography(),
                            api.today());
                    ctx.contentType(JSON).result(out.toString());
                });
    }

    private void getFaults(Context ctx) {
        ctx.contentType(JSON).result(FaultsJson.write(api.faults.current()));
    }

    private void registerWebhook(Context ctx) {
        JsonNode body = JsonBodies.object(JsonBodies.read(ctx), "");
        JsonBodies.onlyFields(body, "", Set.of("url", "secret"));
        if (!body.has("url")) {
            throw ApiProblem.badRequest("url", "is required");
        }
        if (!body.has("secret")) {
            throw ApiProblem.badRequest("secret", "is required");
        }
        String url = JsonBodies.string(body.get("url"), "url");
        String secret = JsonBodies.string(body.get("secret"), "secret");
        try {
            URI uri = URI.create(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                throw ApiProblem.badRequest("url", "must be an absolute http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("url", "must be an absolute http(s) URL");
        }
        String id;
        try {
            id = control.registerWebhook(url, secret);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(
                    "secret", "must be whsec_ followed by base64 of 24 to 64 bytes");
        }
        ctx.status(201)
                .contentType(JSON)
                .result(new JsonOut(64).beginObject().field("id", id).endObject().toString());
    }

    private void tick(Context ctx) {
        // An empty body means one change, so that `curl -X POST .../tick` works.
        JsonNode body =
                ctx.req().getContentLengthLong() == 0
                        ? JsonBodies.MAPPER.createObjectNode()
                        : JsonBodies.object(JsonBodies.read(ctx), "");
        JsonBodies.onlyFields(body, "", Set.of("count"));
        int count =
                body.has("count")
                        ? (int) JsonBodies.integer(body.get("count"), "count", 0, MAX_TICK)
                        : 1;
        List<MarketChange> changes = control.tick(count);
        JsonOut out = new JsonOut(200 * changes.size() + 32);
        out.beginObject().name("changes").beginArray();
        for (MarketChange c : changes) {
            out.beginObject()
                    .field("property_id", c.propertyId())
                    .field("old_status", c.oldStatus())
                    .field("new_status", c.newStatus())
                    .field("old_price", c.oldPrice())
                    .field("new_price", c.newPrice())
                    .field("changed_at", c.changedAt().toString())
                    .endObject();
        }
        ctx.contentType(JSON).result(out.endArray().endObject().toString());
    }

    static String statsJson(StatsSnapshot s) {
        JsonOut out = new JsonOut(1_024);
        out.beginObject()
                .field("requests_total", s.requestsTotal())
                .field("records_total", s.recordsTotal());
        map(out, "requests_by_endpoint", s.requestsByEndpoint());
        map(out, "records_by_endpoint", s.recordsByEndpoint());
        map(out, "requests_by_version", byVersion(s.requestsByEndpoint()));
        map(out, "records_by_version", byVersion(s.recordsByEndpoint()));
        map(out, "requests_by_api_key", s.requestsByApiKey());
        map(out, "records_by_api_key", s.recordsByApiKey());
        out.field("rate_limited_total", s.rateLimitedTotal())
                .field("quota_exhausted_total", s.quotaExhaustedTotal());
        map(out, "faults_injected_total", s.faultsInjectedTotal());
        return out.endObject().toString();
    }

    /** Sums per API version: v2 operations are named {@code v2.<endpoint>}, the rest are v1. */
    private static Map<String, Long> byVersion(Map<String, Long> byEndpoint) {
        long v2 =
                byEndpoint.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("v2."))
                        .mapToLong(Map.Entry::getValue)
                        .sum();
        long all = byEndpoint.values().stream().mapToLong(Long::longValue).sum();
        return Map.of("v1", all - v2, "v2", v2);
    }

    private static void map(JsonOut out, String name, Map<String, Long> values) {
        out.name(name).beginObject();
        values.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.field(e.getKey(), e.getValue()));
        out.endObject();
    }
}
