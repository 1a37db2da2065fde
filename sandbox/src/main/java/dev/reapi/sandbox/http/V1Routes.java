package dev.reapi.sandbox.http;

import io.javalin.config.JavalinConfig;
import java.time.Instant;
import java.util.Set;

/** Registers the contract's {@code /v1} operations. */
final class V1Routes {
    private V1Routes() {}

    static void register(JavalinConfig config, Api api) {
        PropertyRoutes properties = new PropertyRoutes(api);
        config.routes.get(
                "/v1/health",
                ctx -> {
                    api.faults.checkOutage();
                    ctx.contentType("application/json")
                            .result(
                                    "{\"status\":\"ok\",\"time\":\""
                                            + Instant.ofEpochSecond(
                                                    api.clock.instant().getEpochSecond())
                                            + "\"}");
                });
        config.routes.post(
                "/v1/properties/bulk",
                api.handler("getPropertiesBulk", Set.of(), properties::bulk));
        config.routes.get(
                "/v1/properties/{id}", api.handler("getProperty", Set.of(), properties::get));
    }
}
