package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.client.model.PropertyIds;
import dev.reapi.gateway.application.port.in.PropertyRefresh;
import dev.reapi.gateway.domain.property.Provenance;
import dev.reapi.gateway.domain.sync.PropertyChange;
import dev.reapi.gateway.domain.user.EndpointClass;
import dev.reapi.gateway.domain.user.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

/**
 * {@code POST /api/properties/{id}/refresh}: re-reads a property from the upstream now and answers
 * {@code {"data": property, "changes": [...], "meta": {...}}} with the changes this refresh
 * recorded. Spends the caller's details budget and is billed like a read. Thread-safe.
 */
final class RefreshRoutes {

    private final PropertyRefresh refresh;
    private final Guard guard;
    private final ObjectMapper mapper;

    RefreshRoutes(PropertyRefresh refresh, Guard guard, ObjectMapper mapper) {
        this.refresh = refresh;
        this.guard = guard;
        this.mapper = mapper;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/properties/{id}/refresh", this::refresh);
    }

    private void refresh(Context ctx) {
        guard.spend(ctx, EndpointClass.DETAILS);
        String id = ctx.pathParam("id");
        if (!PropertyIds.isValid(id)) {
            throw ProblemException.invalid("id", "must be 1..64 characters of [A-Za-z0-9_-]");
        }
        Principal principal = Guard.principal(ctx).orElseGet(() -> guard.authenticate(ctx));
        String requestId = RequestContext.requestId(ctx);
        PropertyRefresh.Refreshed refreshed =
                refresh.refresh(
                        id, principal.userId(), principal.plan().dailyRecordCap(), requestId);
        Provenance provenance = Provenance.fresh(1);
        RequestContext.provenance(ctx, provenance);
        ObjectNode body = mapper.createObjectNode();
        body.set("data", mapper.valueToTree(refreshed.property()));
        ArrayNode changes = body.putArray("changes");
        for (PropertyChange c : refreshed.changes()) {
            changes.addObject()
                    .put("field", c.field().wireName())
                    .put("old_value", c.oldValue())
                    .put("new_value", c.newValue())
                    .put("version", c.version().toString())
                    .put("source", c.source().wireName())
                    .put("observed_at", c.observedAt().toString());
        }
        ObjectNode meta = body.putObject("meta");
        meta.put("source", provenance.source().key());
        meta.put("age_s", provenance.ageSeconds());
        meta.put("request_id", requestId);
        ctx.header("Cache-Status", PropertyRoutes.cacheStatus(provenance));
        ctx.contentType(ContentType.APPLICATION_JSON).result(body.toString());
    }
}
