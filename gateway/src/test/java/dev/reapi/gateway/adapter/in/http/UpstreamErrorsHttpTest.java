package dev.reapi.gateway.adapter.in.http;

import static dev.reapi.gateway.adapter.in.http.EdgeHttpTest.assertProblem;
import static dev.reapi.gateway.adapter.in.http.EdgeHttpTest.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.gateway.application.port.out.UpstreamFailure;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How upstream failures and dependency health surface over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamErrorsHttpTest {

    private final FakePropertySource source = new FakePropertySource();
    private TestServer server;
    private String key;

    @BeforeAll
    void start() {
        server =
                new TestServer(
                        source,
                        List.of(
                                check("upstream", true, true),
                                check("database", true, true),
                                check("redis", false, false)));
        key = server.userKey("free");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void property_requestId_isPassedToTheUpstream() {
        var response =
                server.get(
                        "/api/properties/" + FakePropertySource.KNOWN_ID,
                        "X-API-Key",
                        key,
                        "X-Request-Id",
                        "trace-77");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(source.requestIds).contains("trace-77");
    }

    @Test
    void property_unknownUpstream_is404() {
        assertProblem(server.get("/api/properties/P404", "X-API-Key", key), 404, "not-found");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "UNAVAILABLE, 503, upstream-unavailable",
        "QUOTA, 503, upstream-quota",
        "REJECTED, 502, upstream-rejected"
    })
    void property_upstreamFailure_isMappedToProblem(String kind, int status, String type) {
        var failing = new FakePropertySource();
        failing.failWith(UpstreamFailure.Kind.valueOf(kind));
        try (var other = new TestServer(failing, List.of())) {
            var response =
                    other.get(
                            "/api/properties/" + FakePropertySource.KNOWN_ID,
                            "X-API-Key",
                            other.userKey("free"));

            assertProblem(response, status, type);
            if (status == 503) {
                assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
            }
            assertThat(response.body()).doesNotContain("scripted");
        }
    }

    @Test
    void valuation_upstreamKeyLacksScope_is503NamingTheScopeWithoutRetryAfter() {
        var failing = new FakePropertySource();
        failing.failWith(
                new UpstreamFailure(
                        UpstreamFailure.Kind.MISSING_SCOPE,
                        "the gateway's upstream API key lacks the PropertyAvm scope",
                        Optional.empty(),
                        null));
        try (var other = new TestServer(failing, List.of())) {
            var response =
                    other.get(
                            "/api/properties/" + FakePropertySource.KNOWN_ID + "/valuation",
                            "X-API-Key",
                            other.userKey("free"));

            assertProblem(response, 503, "upstream-scope-missing");
            assertThat(other.json(response).get("detail").asText()).contains("PropertyAvm");
            assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        }
    }

    @Test
    void ready_optionalDependencyDown_is200Degraded() {
        var response = server.get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        var body = server.json(response);
        assertThat(body.get("status").asText()).isEqualTo("degraded");
        assertThat(body.at("/checks/redis/healthy").asBoolean()).isFalse();
        assertThat(body.at("/checks/redis/required").asBoolean()).isFalse();
    }

    @Test
    void ready_databaseDown_is503() {
        try (var other =
                new TestServer(
                        new FakePropertySource(),
                        List.of(check("upstream", true, true), check("database", true, false)))) {
            var response = other.get("/health/ready");
            var live = other.get("/health");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(other.json(response).get("status").asText()).isEqualTo("down");
            assertThat(other.json(response).at("/checks/database/detail").asText())
                    .isEqualTo("refused");
            assertThat(live.statusCode()).isEqualTo(200);
        }
    }
}
