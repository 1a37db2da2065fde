package dev.reapi.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.Provider;
import dev.reapi.gateway.testing.SandboxProviders;
import dev.reapi.sandbox.FaultSettings;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * The whole gateway as {@link Gateway#start} wires it: the real sandbox over HTTP as the upstream,
 * a SQLite file, in-process rate limits. Also checks that the upstream key never appears in a
 * response or a log line of the run. Runs once per upstream provider.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Provider.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayEndToEndTest {

    private static final String AUSTIN_SEARCH =
            """
            {"location": {"coordinates": {"lat": 30.27, "lng": -97.74}, "radius_miles": 50},
             "pagination": {"limit": 5}}
            """;

    private static final String UPSTREAM_KEY = "sk_upstream_Zq8xW3vN5";

    @TempDir static Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    @Parameter private Provider provider;
    private List<String> seen;
    private ListAppender<ILoggingEvent> logs;
    private Sandbox sandbox;
    private Gateway gateway;
    private String key;
    private long startMillis;

    @BeforeParameterizedClassInvocation
    void start() {
        seen = new ArrayList<>();
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
        sandbox =
                Sandbox.start(
                        SandboxOptions.defaults().withPort(0).withApiKeys(Set.of(UPSTREAM_KEY)));
        long begin = System.nanoTime();
        gateway =
                Gateway.start(
                        GatewayConfig.load(
                                Optional.empty(), env(dir.resolve(provider + ".db").toString())));
        startMillis = (System.nanoTime() - begin) / 1_000_000;
        key = gateway.apiKeys().issue("e2e", "free", false).rawKey();
    }

    private Map<String, String> env(String sqliteFile) {
        var env = SandboxProviders.gatewayEnv(provider, sandbox, UPSTREAM_KEY);
        env.put("REAPI_DATABASE_URL", "jdbc:sqlite:" + sqliteFile);
        return env;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        root().detachAppender(logs);
    }

    @AfterAll
    void closeHttp() {
        http.close();
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(
                            request.header("X-API-Key", key)
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            seen.add(response.headers().map() + "\n" + response.body());
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        return mapper.readTree(response.body());
    }

    @Test
    @Order(1)
    void start_onEmbeddedDefaults_isReadyQuickly() {
        // Generous bound: the first start in a cold JVM on a loaded 2-core machine; the target on
        // a warm machine is under 2 s and is measured in docs/operations.md.
        assertThat(startMillis).isLessThan(15_000);
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void everyPropertyRoute_overTheSandbox_answersWithMeta() throws IOException {
        var search =
                send(
                        HttpRequest.newBuilder(uri("/api/properties/search"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(AUSTIN_SEARCH)));
        String id = "P000000001";
        var property = get("/api/properties/" + id);
        String address = json(property).at("/data/address/formatted").asText();
        List<HttpResponse<String>> answers =
                List.of(
                        search,
                        property,
                        get("/api/properties/" + id + "/valuation"),
                        get("/api/properties/" + id + "/demographics"),
                        get("/api/properties/" + id + "/schools"),
                        get("/api/properties/" + id + "/enriched"),
                        get(
                                "/api/valuations?address="
                                        + URLEncoder.encode(address, StandardCharsets.UTF_8)));

        for (var answer : answers) {
            assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isEqualTo(200);
            JsonNode meta = json(answer).get("meta");
            assertThat(meta.get("source").asText()).isIn("fresh", "cache", "partial");
            assertThat(meta.get("request_id").asText())
                    .isEqualTo(answer.headers().firstValue("X-Request-Id").orElseThrow());
            assertThat(answer.headers().firstValue("RateLimit-Policy")).isPresent();
        }
        assertThat(json(property).at("/data/id").asText()).isEqualTo(id);
        assertThat(json(answers.get(5)).at("/data/property/id").asText()).isEqualTo(id);
        assertThat(json(answers.get(5)).at("/data/missing")).as("enriched parts missing").isEmpty();
        assertThat(json(answers.get(5)).at("/data/schools/schools").isArray()).isTrue();
    }

    @Test
    @Order(3)
    void property_unknownUpstream_is404Problem() {
        var response = get("/api/properties/P999999999");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
    }

    @Test
    @Order(4)
    void metrics_includeUpstreamAndJvmMeters() {
        String metrics = get("/metrics").body();

        assertThat(metrics).contains("reapi_http_requests_seconds_count");
        assertThat(metrics).contains("jvm_memory_used_bytes").contains("jvm_threads_live_threads");
        assertThat(metrics).contains("process_cpu_usage");
        assertThat(metrics).containsPattern("(?m)^reapi_client_\\w+");
    }

    @Test
    @Order(5)
    void ready_whenDependenciesUp_isOkWithOneCheckEach() throws IOException {
        var ready = get("/health/ready");

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonNode checks = json(ready).get("checks");
        assertThat(checks.get("upstream").get("healthy").asBoolean()).isTrue();
        assertThat(checks.get("database").get("healthy").asBoolean()).isTrue();
    }

    @Test
    @Order(6)
    void upstreamOutage_makesReady503AndReads503WithRetryAfter() throws IOException {
        sandbox.setFaults(FaultSettings.none().withOutageSeconds(300));
        try {
            var ready = get("/health/ready");
            var read = get("/api/properties/P000000002");

            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(json(ready).get("status").asText()).isEqualTo("down");
            assertThat(json(ready).at("/checks/upstream/healthy").asBoolean()).isFalse();
            assertThat(read.statusCode()).isEqualTo(503);
            assertThat(read.headers().firstValue("Retry-After")).isPresent();
        } finally {
            sandbox.resetFaults();
        }
    }

    @Test
    @Order(7)
    void start_withUnreachableDatabase_failsWithOneLine() {
        var config =
                GatewayConfig.load(
                        Optional.empty(),
                        Map.of(
                                "REALESTATEAPI_KEY", UPSTREAM_KEY,
                                "REAPI_PORT", "0",
                                "REAPI_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/none"));

        assertThatThrownBy(() -> Gateway.start(config))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("database unavailable")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    @Order(8)
    void start_logsTheUpstreamKeyInfoOnV2Only() {
        List<String> keyCheck =
                logs.list.stream()
                        .filter(e -> e.getLoggerName().equals(UpstreamKeyCheck.class.getName()))
                        .map(ILoggingEvent::getFormattedMessage)
                        .toList();

        if (provider == Provider.V1) {
            assertThat(keyCheck).isEmpty();
        } else {
            assertThat(keyCheck)
                    .first()
                    .asString()
                    .startsWith("Upstream v2 key: test key, rate limit unlimited")
                    .contains("PropertyAvm");
        }
    }

    @Test
    @Order(100)
    void upstreamKey_neverInAResponseOrALogLine() {
        assertThat(seen).isNotEmpty();
        assertThat(seen).noneMatch(text -> text.contains(UPSTREAM_KEY));
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list)
                .noneMatch(
                        event ->
                                event.getFormattedMessage().contains(UPSTREAM_KEY)
                                        || (event.getThrowableProxy() != null
                                                && event.getThrowableProxy()
                                                        .getMessage()
                                                        .contains(UPSTREAM_KEY)));
    }
}
