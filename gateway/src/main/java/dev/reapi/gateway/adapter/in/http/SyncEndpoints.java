package dev.reapi.gateway.adapter.in.http;

import dev.reapi.gateway.application.port.in.PropertyRefresh;
import io.javalin.config.RoutesConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * What the sync routes need, handed to {@link HttpServer} by the composition root.
 *
 * @param webhooks the upstream's webhook route; empty when no webhook secret is configured
 * @param refresh the use case behind {@code POST /api/properties/{id}/refresh}
 */
public record SyncEndpoints(Optional<WebhookRoutes> webhooks, PropertyRefresh refresh) {

    public SyncEndpoints {
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(refresh, "refresh");
    }

    void register(RoutesConfig routes, Guard guard, JsonBodies bodies) {
        webhooks.ifPresent(w -> w.register(routes));
        new RefreshRoutes(refresh, guard, bodies.mapper()).register(routes);
    }
}
