package dev.reapi.sandbox.http;

import io.javalin.config.JavalinConfig;
import java.time.Instant;
import java.util.Set;

/** Registers the contract's {@code /v1} operations. */
final class V1Routes {
    private V1Routes() {}

    static void register(JavalinConfig config, Api api) {
        PropertyRoutes properties = new PropertyRoutes(api);
        SearchRoutes search = new SearchRoutes(api);
        AreaRoutes areas = new AreaRoutes(api, properties);
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
                "/v1/properties/search", api.handler("searchProperties", Set.of(), search::search));
        config.routes.post(
                "/v1/properties/bulk",
                api.handler("getPropertiesBulk", Set.of(), properties::bulk));
        config.routes.get(
                "/v1/properties/updated",
                api.handler(
                        "getUpdatedProperties",
                        Set.of("since", "cursor", "limit"),
                        search::updated));
        config.routes.get(
                "/v1/properties/{id}", api.handler("getProperty", Set.of(), properties::get));
        config.routes.get(
                "/v1/properties/{id}/valuation",
                api.handler("getValuationById", Set.of(), areas::valuationById));
        config.routes.get(
                "/v1/valuation",
                api.handler("getValuationByAddress", Set.of("address"), areas::valuationByAddress));
        config.routes.get(
                "/v1/demographics",
                api.handler("getDemographics", Set.of("lat", "lng"), areas::demographics));
        config.routes.get(
                "/v1/schools/nearby",
                api.handler(
                        "getNearbySchools", Set.of("lat", "lng", "radius_miles"), areas::schools));
    }
}
