package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.gateway.application.PropertyQueryService;
import dev.reapi.gateway.application.cache.InMemoryUsageLedger;
import dev.reapi.gateway.application.ledger.UsageReports;
import dev.reapi.gateway.application.port.out.HealthCheck;
import dev.reapi.gateway.application.port.out.PropertySource;
import dev.reapi.gateway.domain.ledger.RecordPrice;
import dev.reapi.gateway.domain.user.EndpointClass;
import dev.reapi.gateway.domain.user.Plan;
import dev.reapi.gateway.domain.user.RateLimit;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;

/** An {@link HttpServer} on a free port over fakes of its ports, with a small HTTP client. */
final class TestServer implements AutoCloseable {

    static final long MAX_BODY = 64 * 1024;

    final InMemoryApiKeys apiKeys;
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final HttpServer server;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper mapper = new ObjectMapper();

    TestServer(PropertySource source, List<HealthCheck> checks) {
        this(source, checks, Duration.ofSeconds(5));
    }

    TestServer(PropertySource source, List<HealthCheck> checks, Duration idleTimeout) {
        Map<String, Plan> plans =
                Map.of("free", plan("free", 100, 500), "tiny", plan("tiny", 2, 3));
        apiKeys = new InMemoryApiKeys(plans);
        var settings =
                new HttpServer.Settings(
                        "127.0.0.1", 0, MAX_BODY, 32, idleTimeout, Duration.ofSeconds(2));
        var deps =
                new HttpServer.Dependencies(
                        new PropertyQueryService(source),
                        apiKeys,
                        new CountingRateLimiter(),
                        checks,
                        registry,
                        plans.keySet(),
                        "free",
                        new Random(42),
                        Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC),
                        new UsageReports(
                                new InMemoryUsageLedger(),
                                RecordPrice.defaults(),
                                Clock.fixed(
                                        Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC)));
        server = HttpServer.start(settings, deps);
    }

    static Plan plan(String name, long search, long details) {
        Duration window = Duration.ofMinutes(15);
        return new Plan(
                name,
                Map.of(
                        EndpointClass.SEARCH, new RateLimit(search, window),
                        EndpointClass.DETAILS, new RateLimit(details, window),
                        EndpointClass.JOBS, new RateLimit(50, window)),
                OptionalLong.empty());
    }

    String userKey(String plan) {
        return apiKeys.issue("u" + System.nanoTime(), plan, false).rawKey();
    }

    String adminKey() {
        return apiKeys.issue("admin" + System.nanoTime(), "free", true).rawKey();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                headers);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(
                    request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        server.close();
        http.close();
    }
}
