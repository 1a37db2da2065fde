package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.gateway.application.job.InvalidJobRequest;
import dev.reapi.gateway.application.notify.NotificationService;
import dev.reapi.gateway.application.notify.NotificationStreams;
import dev.reapi.gateway.domain.notify.CallbackTarget;
import dev.reapi.gateway.domain.notify.Notification;
import dev.reapi.gateway.domain.user.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification API: the caller's notifications with their delivery state, webhook settings, and
 * a server-sent event stream. Stream events carry the user's sequence number as {@code id}, so a
 * client reconnecting with {@code Last-Event-ID} resumes after the last one it saw. Thread-safe.
 */
final class NotificationRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationRoutes.class);

    private final NotificationService notifications;
    private final NotificationStreams streams;
    private final Guard guard;
    private final JsonBodies bodies;
    private final ObjectMapper mapper;

    NotificationRoutes(
            NotificationService notifications,
            NotificationStreams streams,
            Guard guard,
            JsonBodies bodies) {
        this.notifications = notifications;
        this.streams = streams;
        this.guard = guard;
        this.bodies = bodies;
        this.mapper = bodies.mapper();
    }

    /** Registers the routes under {@code /api/notifications}. */
    void register(RoutesConfig routes) {
        routes.get("/api/notifications", this::list);
        routes.get("/api/notifications/settings", this::settings);
        routes.put("/api/notifications/settings", this::saveSettings);
        routes.sse("/api/notifications/stream", this::stream);
    }

    private void list(Context ctx) {
        Principal principal = principal(ctx);
        long after = after(ctx.queryParam("after"), "after");
        int limit = JobRoutes.limit(ctx, 50, 500);
        List<Notification> rows = notifications.list(principal.userId(), after, limit);
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode items = answer.putArray("notifications");
        rows.forEach(n -> items.add(view(n)));
        answer.put("next_after", rows.size() == limit ? Long.valueOf(rows.getLast().seq()) : null);
        ctx.json(answer);
    }

    private void settings(Context ctx) {
        Principal principal = principal(ctx);
        CallbackTarget target =
                notifications
                        .settings(principal.userId())
                        .orElseGet(() -> notifications.saveSettings(principal.userId(), ""));
        ctx.json(settingsView(target));
    }

    private void saveSettings(Context ctx) {
        Principal principal = principal(ctx);
        JsonNode body = bodies.read(ctx);
        JsonNode url = body.get("callback_url");
        if (url == null || !(url.isTextual() || url.isNull())) {
            throw ProblemException.invalid("callback_url", "must be a string or null");
        }
        try {
            CallbackTarget target =
                    notifications.saveSettings(
                            principal.userId(), url.isNull() ? "" : url.asText());
            ctx.json(settingsView(target));
        } catch (InvalidJobRequest e) {
            throw ProblemException.invalid(
                    e.problems().stream()
                            .map(p -> new Problem.FieldError(p.field(), p.message()))
                            .toList());
        }
    }

    private void stream(SseClient client) {
        Context ctx = client.ctx();
        Principal principal = principal(ctx);
        long after = after(ctx.header("Last-Event-ID"), "Last-Event-ID");
        client.keepAlive();
        AutoCloseable subscription =
                streams.subscribe(
                        principal.userId(),
                        after,
                        n ->
                                client.sendEvent(
                                        n.eventType(),
                                        notifications.envelope(n),
                                        Long.toString(n.seq())));
        client.onClose(
                () -> {
                    try {
                        subscription.close();
                    } catch (Exception e) {
                        LOG.warn("Closing a notification stream failed", e);
                    }
                });
    }

    private Principal principal(Context ctx) {
        return Guard.principal(ctx).orElseGet(() -> guard.authenticate(ctx));
    }

    private static long after(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Answered below like a negative value.
        }
        throw ProblemException.invalid(field, "must be a notification sequence number");
    }

    private ObjectNode view(Notification n) {
        ObjectNode node = mapper.createObjectNode();
        node.put("seq", n.seq());
        node.put("type", n.eventType());
        node.put("created_at", n.createdAt().toString());
        try {
            node.set("data", mapper.readTree(n.payloadJson()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            node.put("data", n.payloadJson());
        }
        ObjectNode delivery = node.putObject("delivery");
        delivery.put("state", n.state().key());
        n.callbackUrl().ifPresent(url -> delivery.put("callback_url", url));
        delivery.put("attempts", n.attempts());
        n.lastError().ifPresent(e -> delivery.put("last_error", e));
        n.nextAttemptAt().ifPresent(t -> delivery.put("next_attempt_at", t.toString()));
        n.deliveredAt().ifPresent(t -> delivery.put("delivered_at", t.toString()));
        return node;
    }

    private ObjectNode settingsView(CallbackTarget target) {
        ObjectNode node = mapper.createObjectNode();
        node.put("callback_url", target.callbackUrl().isEmpty() ? null : target.callbackUrl());
        node.put("signing_secret", target.signingSecret());
        return node;
    }
}
