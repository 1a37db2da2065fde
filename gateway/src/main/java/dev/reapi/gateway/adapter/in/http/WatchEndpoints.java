package dev.reapi.gateway.adapter.in.http;

import dev.reapi.gateway.application.watch.WatchService;
import io.javalin.config.RoutesConfig;
import java.util.Objects;

/**
 * What the watch routes need, handed to {@link HttpServer} by the composition root.
 *
 * @param watches the watch use cases
 */
public record WatchEndpoints(WatchService watches) {

    public WatchEndpoints {
        Objects.requireNonNull(watches, "watches");
    }

    void register(RoutesConfig routes, Guard guard, JsonBodies bodies) {
        new WatchRoutes(watches, guard, bodies).register(routes);
    }
}
