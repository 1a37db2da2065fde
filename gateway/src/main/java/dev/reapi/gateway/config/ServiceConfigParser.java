package dev.reapi.gateway.config;

import dev.reapi.client.Provider;
import dev.reapi.client.RealEstateApiClient;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the sections that say where the gateway runs and what it talks to ({@code upstream}, {@code
 * server}, {@code database}, {@code redis}); every error names its key.
 */
final class ServiceConfigParser {

    private ServiceConfigParser() {}

    static GatewayConfig.Upstream upstream(Section s) {
        s.only("provider", "api_key", "base_url", "timeout_ms");
        Provider provider = provider(s);
        String key =
                s.optionalText("api_key")
                        .orElseThrow(
                                () ->
                                        new ConfigException(
                                                "upstream.api_key: no upstream API key configured;"
                                                        + " set REALESTATEAPI_KEY"));
        URI baseUrl =
                s.uri(
                        "base_url",
                        s.text("base_url", RealEstateApiClient.DEFAULT_BASE_URL.toString()),
                        "http",
                        "https");
        Duration timeout = Duration.ofMillis(s.integer("timeout_ms", 10_000, 1, 600_000));
        return new GatewayConfig.Upstream(provider, key, baseUrl, timeout);
    }

    private static Provider provider(Section s) {
        String text = s.text("provider", "v1");
        return switch (text) {
            case "v1" -> Provider.V1;
            case "v2" -> Provider.V2;
            default ->
                    throw new ConfigException(
                            s.path("provider") + ": must be v1 or v2, was '" + text + "'");
        };
    }

    static GatewayConfig.Server server(Section s) {
        s.only(
                "host",
                "port",
                "max_body_bytes",
                "max_json_depth",
                "idle_timeout_ms",
                "drain_timeout_ms");
        return new GatewayConfig.Server(
                s.text("host", "0.0.0.0"),
                (int) s.integer("port", 8080, 0, 65_535),
                s.integer("max_body_bytes", 64 * 1024, 1, 16L * 1024 * 1024),
                (int) s.integer("max_json_depth", 32, 2, 1_000),
                Duration.ofMillis(s.integer("idle_timeout_ms", 30_000, 100, 3_600_000)),
                Duration.ofMillis(s.integer("drain_timeout_ms", 10_000, 0, 600_000)));
    }

    static GatewayConfig.Database database(Section s) {
        s.only("url", "user", "password");
        String url = s.text("url", "jdbc:sqlite:./data/reapi.db");
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql://")) {
            throw new ConfigException(
                    s.path("url")
                            + ": expected jdbc:sqlite:<file> or jdbc:postgresql://host/db, was '"
                            + url.replaceAll("password=[^&]*", "password=***")
                            + "'");
        }
        return new GatewayConfig.Database(url, s.text("user", ""), s.text("password", ""));
    }

    static Optional<GatewayConfig.Redis> redis(Section s) {
        s.only("url");
        return s.optionalText("url")
                .map(url -> new GatewayConfig.Redis(s.uri("url", url, "redis", "rediss")));
    }
}
