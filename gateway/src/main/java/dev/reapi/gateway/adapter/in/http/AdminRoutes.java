package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.gateway.application.port.out.ApiKeys;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Key management for admins under {@code /api/admin}; every route answers 403 to user keys. */
final class AdminRoutes {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ApiKeys apiKeys;
    private final Guard guard;
    private final JsonBodies bodies;
    private final Set<String> plans;
    private final String defaultPlan;
    private final ObjectMapper mapper;

    AdminRoutes(
            ApiKeys apiKeys,
            Guard guard,
            JsonBodies bodies,
            Set<String> plans,
            String defaultPlan) {
        this.apiKeys = apiKeys;
        this.guard = guard;
        this.bodies = bodies;
        this.plans = Set.copyOf(plans);
        this.defaultPlan = defaultPlan;
        this.mapper = bodies.mapper();
    }

    void register(RoutesConfig routes) {
        routes.beforeMatched("/api/admin/*", guard::requireAdmin);
        routes.get("/api/admin/keys", this::list);
        routes.post("/api/admin/keys", this::issue);
        routes.delete("/api/admin/keys/{prefix}", this::revoke);
    }

    private void list(Context ctx) {
        String prefix = ctx.queryParam("prefix");
        if (prefix != null && !prefix.isEmpty() && !PREFIX.matcher(prefix).matches()) {
            throw ProblemException.invalid("prefix", "must be 1..64 characters of [A-Za-z0-9_-]");
        }
        ArrayNode keys = mapper.createArrayNode();
        for (ApiKeys.KeySummary key : apiKeys.list(prefix == null ? "" : prefix)) {
            keys.add(summary(key));
        }
        ObjectNode body = mapper.createObjectNode();
        body.set("keys", keys);
        ctx.contentType(ContentType.APPLICATION_JSON).result(body.toString());
    }

    private void issue(Context ctx) {
        JsonNode body = bodies.readObject(ctx);
        List<Problem.FieldError> errors = new ArrayList<>();
        body.fieldNames()
                .forEachRemaining(
                        name -> {
                            if (!Set.of("user", "plan", "admin").contains(name)) {
                                errors.add(
                                        new Problem.FieldError(
                                                name, "unknown field; expected user, plan, admin"));
                            }
                        });
        JsonNode user = body.path("user");
        if (!user.isTextual() || !NAME.matcher(user.textValue()).matches()) {
            errors.add(new Problem.FieldError("user", "is required: 1..64 of [A-Za-z0-9._@-]"));
        }
        JsonNode plan = body.path("plan");
        if (!plan.isMissingNode() && !(plan.isTextual() && plans.contains(plan.textValue()))) {
            errors.add(new Problem.FieldError("plan", "must be one of " + plans));
        }
        JsonNode admin = body.path("admin");
        if (!admin.isMissingNode() && !admin.isBoolean()) {
            errors.add(new Problem.FieldError("admin", "expected true or false"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ApiKeys.IssuedKey issued =
                apiKeys.issue(
                        user.textValue(),
                        plan.isMissingNode() ? defaultPlan : plan.textValue(),
                        admin.asBoolean(false));
        ObjectNode answer = summary(issued.summary());
        answer.put("key", issued.rawKey());
        ctx.status(201).contentType(ContentType.APPLICATION_JSON).result(answer.toString());
    }

    private void revoke(Context ctx) {
        String prefix = ctx.pathParam("prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw ProblemException.invalid("prefix", "must be 1..64 characters of [A-Za-z0-9_-]");
        }
        if (!apiKeys.revoke(prefix)) {
            throw ProblemException.of(ProblemType.NOT_FOUND, "no key with prefix '" + prefix + "'");
        }
        ctx.status(204);
    }

    private ObjectNode summary(ApiKeys.KeySummary key) {
        ObjectNode node = mapper.createObjectNode();
        node.put("prefix", key.prefix());
        node.put("user_id", key.userId());
        node.put("user", key.userName());
        node.put("plan", key.plan());
        node.put("admin", key.admin());
        node.put("created_at", key.createdAt().toString());
        node.put("revoked_at", key.revokedAt().map(Object::toString).orElse(null));
        return node;
    }
}
