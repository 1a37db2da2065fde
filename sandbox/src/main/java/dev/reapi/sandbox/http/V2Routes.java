package dev.reapi.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reapi.sandbox.FaultSettings;
import dev.reapi.sandbox.data.AreaFacts;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Registers the vendor's {@code /v2} endpoints beside {@code /v1}, the expiring change-file links,
 * and the control route that sets a key's scopes ({@code PUT /_sandbox/keys/{key}}).
 */
final class V2Routes {
    private static final Map<String, String> DESCRIPTIONS =
            Map.of(
                    "PropertySearch", "Search properties by location and filters",
                    "PropertyDetail", "Get detailed property information",
                    "PropertyDetailBulk", "Bulk property detail lookup (up to 1000 ids)",
                    "PropertyAvm", "Get an automated property valuation",
                    "PropertyAvmBulk", "Bulk property valuation (up to 100)",
                    "PropertyComps", "Find comparable properties",
                    "ChangeFiles", "Download daily data change files");

    private final V2Api v2;

    private V2Routes(V2Api v2) {
        this.v2 = v2;
    }

    static void register(JavalinConfig config, Api api, KeyScopes scopes) {
        V2Api v2 = new V2Api(api, scopes);
        AreaFacts facts = new AreaFacts(api.data.generator().seed(), api.data.generator());
        V2PropertyRoutes properties = new V2PropertyRoutes(api, facts);
        V2ValuationRoutes valuations = new V2ValuationRoutes(api, facts, properties);
        ChangeFileRoutes files = new ChangeFileRoutes(api);
        V2Routes routes = new V2Routes(v2);
        post(config, v2, "PropertySearch", properties::search);
        post(config, v2, "PropertyDetail", properties::detail);
        post(config, v2, "PropertyDetailBulk", properties::bulk);
        post(config, v2, "PropertyAvm", valuations::avm);
        post(config, v2, "PropertyAvmBulk", valuations::avmBulk);
        post(config, v2, "PropertyComps", valuations::comps);
        post(config, v2, "ChangeFiles", files::changeFiles);
        config.routes.get("/v2/key/info", v2.handler("KeyInfo", null, routes::keyInfo));
        files.register(config);
        config.routes.put("/_sandbox/keys/{key}", routes::setScopes);
    }

    private static void post(JavalinConfig config, V2Api v2, String name, V2Api.Route route) {
        config.routes.post("/v2/" + name, v2.handler(name, name, route));
    }

    private V2Envelope.Answer keyInfo(Context ctx, String apiKey) {
        KeyScopes.Grant grant = v2.scopes.of(apiKey);
        FaultSettings s = v2.api.faults.current();
        JsonOut out = new JsonOut(2_000).beginObject();
        out.field("keyType", grant.live() ? "live" : "test").field("version", "v2");
        out.name("scopes").beginArray();
        KeyScopes.ALL.stream().filter(grant.scopes()::contains).forEach(out::value);
        out.endArray().name("availableEndpoints").beginArray();
        for (String scope : KeyScopes.ALL) {
            if (grant.scopes().contains(scope)) {
                out.beginObject()
                        .field("scope", scope)
                        .field("method", "POST")
                        .field("path", "/v2/" + scope)
                        .field("description", DESCRIPTIONS.get(scope))
                        .endObject();
            }
        }
        out.endArray().name("rateLimits").beginObject().name("requestsPerSecond");
        if (s.rateLimitRps() > 0) {
            out.value(s.rateLimitRps());
        } else {
            out.nullValue();
        }
        out.field("note", "Shared with /v1; null means unlimited.").endObject();
        out.name("quota").beginObject().name("recordsPerDay");
        if (s.dailyQuotaRecords() > 0) {
            out.value(s.dailyQuotaRecords());
        } else {
            out.nullValue();
        }
        LocalDate today = LocalDate.ofInstant(v2.api.clock.instant(), ZoneOffset.UTC);
        out.field("recordsUsedToday", v2.api.faults.usedToday(apiKey))
                .field("resetsAt", V2Json.isoMillis(today.plusDays(1).toEpochDay() * 86_400L))
                .endObject();
        return V2Envelope.Answer.single(out.endObject().toString(), 0);
    }

    private void setScopes(Context ctx) {
        String key = ctx.pathParam("key");
        if (!v2.api.knows(key)) {
            throw ApiProblem.of(404, "not-found", "Not found", "No such API key.");
        }
        JsonNode body = JsonBodies.object(JsonBodies.read(ctx), "");
        JsonBodies.onlyFields(body, "", Set.of("scopes", "live"));
        JsonNode list = body.get("scopes");
        Set<String> granted = new LinkedHashSet<>(KeyScopes.ALL);
        if (list != null) {
            if (!list.isArray()) {
                throw ApiProblem.badRequest("scopes", "must be an array of scope names");
            }
            granted.clear();
            for (int i = 0; i < list.size(); i++) {
                String scope = JsonBodies.string(list.get(i), "scopes[" + i + "]");
                if (!KeyScopes.ALL.contains(scope)) {
                    throw ApiProblem.badRequest(
                            "scopes[" + i + "]",
                            "must be one of " + String.join(", ", KeyScopes.ALL));
                }
                granted.add(scope);
            }
        }
        JsonNode live = body.get("live");
        if (live != null && !live.isBoolean()) {
            throw ApiProblem.badRequest("live", "must be true or false");
        }
        KeyScopes.Grant grant = new KeyScopes.Grant(granted, live != null && live.asBoolean());
        v2.scopes.set(key, grant);
        JsonOut out = new JsonOut(300).beginObject().name("scopes").beginArray();
        KeyScopes.ALL.stream().filter(grant.scopes()::contains).forEach(out::value);
        out.endArray().name("live").value(grant.live()).endObject();
        ctx.contentType("application/json").result(out.toString());
    }
}
