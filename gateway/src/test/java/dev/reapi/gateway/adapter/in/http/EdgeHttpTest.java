package dev.reapi.gateway.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reapi.gateway.application.port.out.HealthCheck;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Authentication, request ids, problem documents, rate limits and the admin routes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeHttpTest {

    private TestServer server;

    @BeforeAll
    void start() {
        server = new TestServer(new FakePropertySource(), List.of(check("upstream", true, true)));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static HealthCheck check(String name, boolean required, boolean healthy) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean required() {
                return required;
            }

            @Override
            public Result check() {
                return new Result(healthy, 3, healthy ? "" : "refused");
            }
        };
    }

    private static String property() {
        return "/api/properties/" + FakePropertySource.KNOWN_ID;
    }

    @Test
    void api_withoutKey_is401Problem() {
        HttpResponse<String> response = server.get(property());

        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void api_withUnknownKey_is401Problem() {
        assertProblem(server.get(property(), "X-API-Key", "rk_nope_nope"), 401, "unauthorized");
    }

    @Test
    void api_withRevokedKey_is401Problem() {
        var issued = server.apiKeys.issue("revoked-user", "free", false);
        server.apiKeys.revoke(issued.summary().prefix());

        assertProblem(server.get(property(), "X-API-Key", issued.rawKey()), 401, "unauthorized");
    }

    @Test
    void api_withBearerKey_isServed() {
        HttpResponse<String> response =
                server.get(property(), "Authorization", "Bearer " + server.userKey("free"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = server.json(response);
        assertThat(body.at("/data/id").asText()).isEqualTo(FakePropertySource.KNOWN_ID);
        assertThat(body.at("/meta/source").asText()).isEqualTo("fresh");
        assertThat(body.at("/meta/age_s").asLong()).isZero();
        assertThat(body.at("/meta/request_id").asText())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(response.headers().firstValue("Cache-Status")).hasValue("reapi; fwd=uri-miss");
    }

    @Test
    void adminRoute_withUserKey_is403Problem() {
        assertProblem(
                server.get("/api/admin/keys", "X-API-Key", server.userKey("free")),
                403,
                "forbidden");
    }

    @Test
    void adminRoute_issueListRevoke_roundTrips() {
        String admin = server.adminKey();

        var issued =
                server.post(
                        "/api/admin/keys",
                        "{\"user\":\"alice\",\"plan\":\"tiny\"}",
                        "X-API-Key",
                        admin);
        String prefix = server.json(issued).get("prefix").asText();
        var listed = server.get("/api/admin/keys?prefix=" + prefix, "X-API-Key", admin);
        var revoked =
                server.send(
                        HttpRequest.newBuilder(server.uri("/api/admin/keys/" + prefix)).DELETE(),
                        "X-API-Key",
                        admin);

        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(server.json(issued).get("key").asText()).isNotBlank();
        assertThat(server.json(listed).get("keys").get(0).get("plan").asText()).isEqualTo("tiny");
        assertThat(listed.body()).doesNotContain(server.json(issued).get("key").asText());
        assertThat(revoked.statusCode()).isEqualTo(204);
    }

    @Test
    void requestId_whenValid_isEchoed() {
        var response = server.get("/health", "X-Request-Id", "abc.DEF-123_x");

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("abc.DEF-123_x");
    }

    @Test
    void requestId_whenAbsent_isGenerated() {
        var response = server.get("/health");

        assertThat(response.headers().firstValue("X-Request-Id").orElseThrow())
                .matches("req_[0-9a-z]{20}");
    }

    @Test
    void requestId_whenInvalid_isReplaced() {
        var tooLong = server.get("/health", "X-Request-Id", "a".repeat(65));
        var badChars = server.get(property(), "X-Request-Id", "bad id;drop");

        assertThat(tooLong.headers().firstValue("X-Request-Id").orElseThrow()).startsWith("req_");
        assertThat(badChars.headers().firstValue("X-Request-Id").orElseThrow()).startsWith("req_");
        assertThat(server.json(badChars).get("request_id").asText())
                .isEqualTo(badChars.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void unknownRoute_isProblem404() {
        assertProblem(server.get("/nope"), 404, "not-found");
        assertProblem(
                server.get("/api/nope", "X-API-Key", server.userKey("free")), 404, "not-found");
    }

    @Test
    void detailsRoutes_overBudget_are429WithHeadersPerUserAndClass() {
        String key = server.userKey("tiny");
        String other = server.userKey("tiny");

        List<HttpResponse<String>> answers =
                List.of(
                        server.get(property(), "X-API-Key", key),
                        server.get(property() + "/valuation", "X-API-Key", key),
                        server.get(property() + "/schools", "X-API-Key", key),
                        server.get(property(), "X-API-Key", key));
        var otherUser = server.get(property(), "X-API-Key", other);
        var searchClass =
                server.post(
                        "/api/properties/search",
                        "{\"location\":{\"zip\":\"62704\"}}",
                        "X-API-Key",
                        key);

        assertThat(answers.subList(0, 3))
                .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(answers.get(0).headers().firstValue("RateLimit-Policy"))
                .hasValue("\"details\";q=3;w=900");
        assertThat(answers.get(0).headers().firstValue("RateLimit"))
                .hasValue("\"details\";r=2;t=900");
        var rejected = answers.get(3);
        assertProblem(rejected, 429, "rate-limited");
        assertThat(rejected.headers().firstValue("Retry-After")).hasValue("12");
        assertThat(rejected.headers().firstValue("RateLimit")).hasValue("\"details\";r=0;t=900");
        assertThat(otherUser.statusCode()).isEqualTo(200);
        assertThat(searchClass.statusCode()).isEqualTo(200);
        assertThat(searchClass.headers().firstValue("RateLimit-Policy"))
                .hasValue("\"search\";q=2;w=900");
        assertThat(server.registry.scrape())
                .contains("reapi_ratelimit_rejections_total{class=\"details\"} 1.0");
    }

    @Test
    void metrics_afterRequests_listRouteTemplatesNotRawPaths() {
        server.get(property(), "X-API-Key", server.userKey("free"));

        String metrics = server.get("/metrics").body();

        assertThat(metrics).contains("reapi_http_requests_seconds_bucket");
        assertThat(metrics).contains("route=\"/api/properties/{id}\"");
        assertThat(metrics).doesNotContain(FakePropertySource.KNOWN_ID);
    }

    @Test
    void health_liveAndReady_answerOk() {
        var live = server.get("/health");
        var ready = server.get("/health/ready");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode body = server.json(ready);
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.at("/checks/upstream/healthy").asBoolean()).isTrue();
        assertThat(body.at("/checks/upstream/required").asBoolean()).isTrue();
        assertThat(body.at("/checks/upstream/response_time_ms").asLong()).isEqualTo(3);
    }

    @Test
    void docs_servesSwaggerUiFromTheWebjar() {
        var page = server.get("/docs");
        var bundle = server.get("/docs/assets/swagger-ui-bundle.js");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("/docs/assets/swagger-ui-bundle.js")
                .doesNotContain("https://");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body().length()).isGreaterThan(100_000);
    }

    @Test
    void openApi_everyDocumentedRoute_exists() {
        JsonNode doc = server.json(server.get("/openapi.json"));
        String admin = server.adminKey();

        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        for (var path : doc.get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                assertRouteExists(path.getKey(), method.getKey(), admin);
            }
        }
    }

    private void assertRouteExists(String template, String method, String admin) {
        String path =
                template.replace("{id}", FakePropertySource.KNOWN_ID).replace("{prefix}", "nokey");
        var request = HttpRequest.newBuilder(server.uri(path));
        switch (method) {
            case "get" -> request.GET();
            case "post" ->
                    request.header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"));
            case "delete" -> request.DELETE();
            default -> throw new AssertionError("undocumented method " + method);
        }
        var response = server.send(request, "X-API-Key", admin);

        assertThat(response.body()).as(method + " " + template).doesNotContain("no route");
        assertThat(response.statusCode()).as(method + " " + template).isNotIn(405, 500);
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        try {
            JsonNode problem =
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
            assertThat(problem.get("type").asText())
                    .isEqualTo("https://reapi.dev/problems/" + type);
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            assertThat(problem.get("title").asText()).isNotBlank();
            assertThat(problem.get("detail").asText()).isNotBlank();
            assertThat(problem.get("instance").asText()).startsWith("/");
            assertThat(problem.get("request_id").asText()).isEqualTo(requestId);
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        } catch (java.io.IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }
}
