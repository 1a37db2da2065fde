package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.gateway.application.watch.InvalidWatchRequest;
import dev.reapi.gateway.application.watch.WatchService;
import dev.reapi.gateway.domain.user.EndpointClass;
import dev.reapi.gateway.domain.user.Principal;
import dev.reapi.gateway.domain.watch.Watch;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The watch API: watch properties or save a search, list, read and delete one's own watches. A
 * watch owned by someone else answers 404, as if it did not exist. Creating watches spends the
 * caller's {@code jobs} budget. Thread-safe.
 */
final class WatchRoutes {

    private static final Set<String> FIELDS = Set.of("property_ids", "search", "callback_url");

    private final WatchService watches;
    private final Guard guard;
    private final JsonBodies bodies;
    private final ObjectMapper mapper;
    private final SearchValidator validator = new SearchValidator();

    WatchRoutes(WatchService watches, Guard guard, JsonBodies bodies) {
        this.watches = watches;
        this.guard = guard;
        this.bodies = bodies;
        this.mapper = bodies.mapper();
    }

    /** Registers the routes under {@code /api/watches}. */
    void register(RoutesConfig routes) {
        routes.post("/api/watches", this::create);
        routes.get("/api/watches", this::list);
        routes.get("/api/watches/{id}", this::get);
        routes.delete("/api/watches/{id}", this::delete);
    }

    private void create(Context ctx) {
        Principal principal = principal(ctx);
        guard.spend(ctx, EndpointClass.JOBS);
        JsonNode body = bodies.readObject(ctx);
        List<Problem.FieldError> unknown = new ArrayList<>();
        body.fieldNames()
                .forEachRemaining(
                        name -> {
                            if (!FIELDS.contains(name)) {
                                unknown.add(
                                        new Problem.FieldError(
                                                name, "unknown field; expected one of " + FIELDS));
                            }
                        });
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown);
        }
        boolean byIds = present(body, "property_ids");
        boolean bySearch = present(body, "search");
        if (byIds == bySearch) {
            throw ProblemException.invalid(
                    "$", "give exactly one of property_ids (an array of ids) or search");
        }
        Optional<String> callback = callbackUrl(body);
        List<Watch> created;
        try {
            created =
                    byIds
                            ? watches.watchProperties(
                                    principal.userId(), ids(body.get("property_ids")), callback)
                            : List.of(
                                    watches.watchSearch(
                                            principal.userId(),
                                            search(body.get("search")),
                                            callback));
        } catch (InvalidWatchRequest e) {
            throw ProblemException.invalid(
                    e.problems().stream()
                            .map(p -> new Problem.FieldError(p.field(), p.message()))
                            .toList());
        }
        ctx.status(201);
        if (created.size() == 1) {
            ctx.header("Location", "/api/watches/" + created.getFirst().id());
        }
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode items = answer.putArray("watches");
        created.forEach(w -> items.add(view(w)));
        ctx.json(answer);
    }

    private void list(Context ctx) {
        Principal principal = principal(ctx);
        int limit = JobRoutes.limit(ctx, 50, 200);
        List<Watch> page;
        try {
            page =
                    watches.list(
                            principal.userId(),
                            Optional.ofNullable(ctx.queryParam("cursor")),
                            limit);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this gateway issued");
        }
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode items = answer.putArray("watches");
        page.forEach(w -> items.add(view(w)));
        answer.put("next_cursor", page.size() == limit ? page.getLast().id() : null);
        ctx.json(answer);
    }

    private void get(Context ctx) {
        String id = ctx.pathParam("id");
        Watch watch =
                watches.get(principal(ctx).userId(), id)
                        .orElseThrow(
                                () -> ProblemException.of(ProblemType.NOT_FOUND, "no watch " + id));
        ctx.json(view(watch));
    }

    private void delete(Context ctx) {
        String id = ctx.pathParam("id");
        if (!watches.delete(principal(ctx).userId(), id)) {
            throw ProblemException.of(ProblemType.NOT_FOUND, "no watch " + id);
        }
        ctx.status(204);
    }

    private static boolean present(JsonNode body, String field) {
        return body.has(field) && !body.get(field).isNull();
    }

    private static List<String> ids(JsonNode node) {
        if (!node.isArray()) {
            throw ProblemException.invalid("property_ids", "must be an array of property ids");
        }
        List<String> ids = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isTextual()) {
                ids.add(node.get(i).textValue());
            } else {
                errors.add(new Problem.FieldError("property_ids[" + i + "]", "must be a string"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return ids;
    }

    /** The saved search's criteria, validated as a search body without sort and pagination. */
    private SearchRequest search(JsonNode node) {
        if (node.isObject() && (node.has("sort") || node.has("pagination"))) {
            throw ProblemException.invalid(
                    "search", "a saved search has only location and filters, no sort or paging");
        }
        try {
            return validator.validate(node);
        } catch (ProblemException e) {
            throw ProblemException.invalid(
                    e.errors().stream()
                            .map(
                                    err ->
                                            new Problem.FieldError(
                                                    err.field().equals("$")
                                                            ? "search"
                                                            : "search." + err.field(),
                                                    err.message()))
                            .toList());
        }
    }

    private static Optional<String> callbackUrl(JsonNode body) {
        JsonNode value = body.get("callback_url");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ProblemException.invalid("callback_url", "must be a string");
        }
        return Optional.of(value.textValue());
    }

    private Principal principal(Context ctx) {
        return Guard.principal(ctx).orElseGet(() -> guard.authenticate(ctx));
    }

    private ObjectNode view(Watch watch) {
        ObjectNode node = mapper.createObjectNode();
        node.put("watch_id", watch.id());
        node.put("kind", watch.kind().key());
        watch.propertyId().ifPresent(id -> node.put("property_id", id));
        watch.search().ifPresent(s -> node.set("search", mapper.valueToTree(s)));
        watch.callbackUrl().ifPresent(url -> node.put("callback_url", url));
        node.put("created_at", watch.createdAt().toString());
        node.putObject("links").put("self", "/api/watches/" + watch.id());
        return node;
    }
}
