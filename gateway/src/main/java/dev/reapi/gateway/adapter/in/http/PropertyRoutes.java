package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.client.model.PropertyIds;
import dev.reapi.gateway.application.port.in.Answer;
import dev.reapi.gateway.application.port.in.PropertyQueries;
import dev.reapi.gateway.domain.property.EnrichedProperty;
import dev.reapi.gateway.domain.property.Provenance;
import dev.reapi.gateway.domain.user.EndpointClass;
import dev.reapi.gateway.domain.user.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

/**
 * The property routes under {@code /api}. Each answer is {@code {"data": ..., "meta": {source,
 * age_s, request_id}}} with a {@code Cache-Status} header saying where it came from.
 */
final class PropertyRoutes {

    /** The route of one property's details. */
    static final String DETAILS_ROUTE = "/api/properties/{id}";

    private static final int MAX_ADDRESS = 200;
    private static final int MIN_ADDRESS = 5;

    private final PropertyQueries queries;
    private final Guard guard;
    private final JsonBodies bodies;
    private final SearchValidator validator = new SearchValidator();
    private final ObjectMapper mapper;

    PropertyRoutes(PropertyQueries queries, Guard guard, JsonBodies bodies) {
        this.queries = queries;
        this.guard = guard;
        this.bodies = bodies;
        this.mapper = bodies.mapper();
    }

    void register(RoutesConfig routes) {
        routes.post("/api/properties/search", this::search);
        routes.get(DETAILS_ROUTE, ctx -> details(ctx, queries(ctx).property(id(ctx), rid(ctx))));
        routes.get(
                "/api/properties/{id}/valuation",
                ctx -> details(ctx, queries(ctx).valuation(id(ctx), rid(ctx))));
        routes.get(
                "/api/properties/{id}/demographics",
                ctx -> details(ctx, queries(ctx).demographics(id(ctx), rid(ctx))));
        routes.get(
                "/api/properties/{id}/schools",
                ctx -> details(ctx, queries(ctx).schools(id(ctx), rid(ctx))));
        routes.get("/api/properties/{id}/enriched", this::enriched);
        routes.get("/api/valuations", this::valuationByAddress);
    }

    private void search(Context ctx) {
        guard.spend(ctx, EndpointClass.SEARCH);
        var request = validator.validate(bodies.read(ctx));
        write(ctx, queries(ctx).search(request, rid(ctx)));
    }

    private void details(Context ctx, Answer<?> answer) {
        write(ctx, answer);
    }

    private void enriched(Context ctx) {
        String id = id(ctx);
        Answer<EnrichedProperty> answer = queries(ctx).enriched(id, rid(ctx));
        EnrichedProperty e = answer.data();
        ObjectNode data = mapper.createObjectNode();
        data.set("property", mapper.valueToTree(e.property()));
        data.set("valuation", mapper.valueToTree(e.valuation().orElse(null)));
        data.set("demographics", mapper.valueToTree(e.demographics().orElse(null)));
        data.set("schools", mapper.valueToTree(e.schools().orElse(null)));
        data.putPOJO("missing", e.missing());
        data.put("partial", e.partial());
        writeTree(ctx, data, answer.provenance());
    }

    private void valuationByAddress(Context ctx) {
        guard.spend(ctx, EndpointClass.DETAILS);
        for (String name : ctx.queryParamMap().keySet()) {
            if (!name.equals("address")) {
                throw ProblemException.invalid(name, "unknown query parameter; expected address");
            }
        }
        var values = ctx.queryParams("address");
        if (values.size() != 1) {
            throw ProblemException.invalid(
                    "address",
                    values.isEmpty()
                            ? "is required"
                            : "give it once, not " + values.size() + " times");
        }
        String address = values.getFirst().strip().replaceAll("\\s+", " ");
        if (address.length() < MIN_ADDRESS || address.length() > MAX_ADDRESS) {
            throw ProblemException.invalid(
                    "address",
                    "must be "
                            + MIN_ADDRESS
                            + ".."
                            + MAX_ADDRESS
                            + " characters, e.g. '1234 Oak St, Springfield, IL 62704'");
        }
        if (address.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalid("address", "must not contain control characters");
        }
        write(ctx, queries(ctx).valuationByAddress(address, rid(ctx)));
    }

    /** The validated {@code {id}} path parameter; spends the details budget first. */
    private String id(Context ctx) {
        guard.spend(ctx, EndpointClass.DETAILS);
        String id = ctx.pathParam("id");
        if (!PropertyIds.isValid(id)) {
            throw ProblemException.invalid("id", "must be 1..64 characters of [A-Za-z0-9_-]");
        }
        return id;
    }

    /** The queries on behalf of the authenticated caller, for its usage and daily cap. */
    private PropertyQueries queries(Context ctx) {
        Principal principal = Guard.principal(ctx).orElseGet(() -> guard.authenticate(ctx));
        return queries.forUser(principal.userId(), principal.plan().dailyRecordCap());
    }

    private static String rid(Context ctx) {
        return RequestContext.requestId(ctx);
    }

    private void write(Context ctx, Answer<?> answer) {
        RequestContext.provenance(ctx, answer.provenance());
        ctx.header("Cache-Status", cacheStatus(answer.provenance()));
        ctx.contentType(ContentType.APPLICATION_JSON).result(body(mapper, answer, rid(ctx)));
    }

    private void writeTree(
            Context ctx, com.fasterxml.jackson.databind.JsonNode data, Provenance provenance) {
        RequestContext.provenance(ctx, provenance);
        ctx.header("Cache-Status", cacheStatus(provenance));
        ctx.contentType(ContentType.APPLICATION_JSON)
                .result(treeBody(mapper, data, provenance, rid(ctx)));
    }

    /** The body answering with {@code answer}: {@code {"data": ..., "meta": {...}}}. */
    static String body(ObjectMapper mapper, Answer<?> answer, String requestId) {
        if (answer.json().isPresent()) {
            return splicedBody(answer.json().get(), answer.provenance(), requestId);
        }
        return treeBody(mapper, mapper.valueToTree(answer.data()), answer.provenance(), requestId);
    }

    /**
     * The same body as {@link #treeBody}, but with {@code data} as the JSON text the cache already
     * holds: only {@code meta} differs per request, so the data is not encoded again.
     */
    private static String splicedBody(String data, Provenance provenance, String requestId) {
        JsonStringEncoder quote = JsonStringEncoder.getInstance();
        return "{\"data\":"
                + data
                + ",\"meta\":{\"source\":\""
                + String.valueOf(quote.quoteAsString(provenance.source().key()))
                + "\",\"age_s\":"
                + provenance.ageSeconds()
                + ",\"request_id\":\""
                + String.valueOf(quote.quoteAsString(requestId))
                + "\"}}";
    }

    private static String treeBody(
            ObjectMapper mapper,
            com.fasterxml.jackson.databind.JsonNode data,
            Provenance provenance,
            String requestId) {
        ObjectNode body = mapper.createObjectNode();
        body.set("data", data);
        ObjectNode meta = body.putObject("meta");
        meta.put("source", provenance.source().key());
        meta.put("age_s", provenance.ageSeconds());
        meta.put("request_id", requestId);
        return body.toString();
    }

    /** An RFC 9211 {@code Cache-Status} value naming the gateway's cache as {@code reapi}. */
    static String cacheStatus(Provenance provenance) {
        return switch (provenance.source()) {
            case FRESH -> "reapi; fwd=uri-miss";
            case CACHE -> "reapi; hit";
            case STALE -> "reapi; hit; detail=stale";
            case REPLICA -> "reapi; fwd=uri-miss; detail=replica";
            case PARTIAL -> "reapi; fwd=uri-miss; detail=partial";
        };
    }
}
