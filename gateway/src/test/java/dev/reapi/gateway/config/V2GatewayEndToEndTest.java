package dev.reapi.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.Provider;
import dev.reapi.gateway.testing.MutableClock;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What only the v2 API brings to the gateway, over HTTP with the sandbox's {@code /v2}: errors
 * inside a 200, the shuffled bulk detail, the key's scopes checked at start-up and the daily quota.
 * The sandbox and the gateway share one clock, so the quota's reset is midnight UTC for both.
 */
class V2GatewayEndToEndTest {

    private static final String KEY = "sk_upstream_v2";
    private static final String NARROW_KEY = "sk_upstream_v2_narrow";

    @TempDir Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private final MutableClock clock = MutableClock.standard();
    private final ListAppender<ILoggingEvent> startupLog = new ListAppender<>();
    private Sandbox sandbox;
    private Gateway gateway;
    private String user;

    @BeforeEach
    void start() {
        startupLog.start();
        keyCheckLogger().addAppender(startupLog);
        sandbox =
                Sandbox.start(
                        SandboxOptions.defaults()
                                .withPort(0)
                                .withClock(clock)
                                .withApiKeys(Set.of(KEY, NARROW_KEY)));
    }

    @AfterEach
    void stop() {
        keyCheckLogger().detachAppender(startupLog);
        if (gateway != null) {
            gateway.close();
        }
        sandbox.close();
        http.close();
    }

    @Test
    void lookupsMatchingNothing_200WithErrorInside_are404Problems() throws IOException {
        startGateway(KEY);
        String nowhere = "1 Nowhere Rd, Springfield, IL 62704";

        List<HttpResponse<String>> answers =
                List.of(
                        get("/api/properties/P999999999"),
                        get("/api/properties/P999999999/valuation"),
                        get("/api/valuations?address=" + encode(nowhere)));

        for (var answer : answers) {
            assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isEqualTo(404);
            assertThat(json(answer).get("type").asText()).endsWith("/not-found");
        }
        assertThat(sandbox.stats().requests("v2.PropertyAvm")).isEqualTo(2);
        assertThat(sandbox.stats().recordsTotal()).isZero();
    }

    @Test
    void concurrentDetails_shuffledBulkAnswers_eachMatchedOnItsId() throws Exception {
        startGateway(KEY);
        Map<String, HttpResponse<String>> answers = new ConcurrentHashMap<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 200; i < 220; i++) {
            String id = "P000000" + i;
            readers.add(
                    Thread.ofVirtual().start(() -> answers.put(id, get("/api/properties/" + id))));
        }
        for (Thread reader : readers) {
            reader.join();
        }

        assertThat(answers).hasSize(20);
        for (var answer : answers.entrySet()) {
            assertThat(answer.getValue().statusCode()).isEqualTo(200);
            assertThat(json(answer.getValue()).at("/data/id").asText()).isEqualTo(answer.getKey());
        }
        assertThat(sandbox.stats().requests("v2.PropertyDetailBulk")).isLessThan(20);
        assertThat(sandbox.stats().records("v2.PropertyDetailBulk")).isEqualTo(20);
    }

    @Test
    void search_whatV2CannotExpress_is400NamingTheFilter() throws IOException {
        startGateway(KEY);
        String twoTypes =
                """
                {"location": {"zip": "78701"},
                 "filters": {"property_types": ["condo", "single_family"]}}
                """;

        var answer = post("/api/properties/search", twoTypes);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(json(answer).get("type").asText()).endsWith("/upstream-unsupported");
        assertThat(json(answer).get("detail").asText()).contains("property_types");
        assertThat(sandbox.stats().requests("v2.PropertySearch")).isZero();
    }

    @Test
    void keyLackingAScope_warnsAtStartAndAnswersAProblemNamingIt() throws IOException {
        Set<String> allButAvm =
                Set.of("PropertySearch", "PropertyDetail", "PropertyDetailBulk", "ChangeFiles");
        sandbox.setV2Scopes(NARROW_KEY, allButAvm, false);
        startGateway(NARROW_KEY);

        var valuation = get("/api/properties/P000000005/valuation");
        var enriched = get("/api/properties/P000000005/enriched");

        assertThat(messages(Level.WARN))
                .singleElement()
                .asString()
                .contains("lacks scope PropertyAvm")
                .contains("valuations by id and by address");
        assertThat(valuation.statusCode()).isEqualTo(503);
        assertThat(json(valuation).get("type").asText()).endsWith("/upstream-scope-missing");
        assertThat(json(valuation).get("detail").asText()).contains("PropertyAvm");
        assertThat(valuation.headers().firstValue("Retry-After")).isEmpty();
        assertThat(enriched.statusCode()).isEqualTo(200);
        assertThat(json(enriched).at("/meta/source").asText()).isEqualTo("partial");
        assertThat(json(enriched).at("/data/missing/0").asText()).isEqualTo("valuation");
        assertThat(json(enriched).at("/data/demographics/zip").asText()).isNotEmpty();
    }

    @Test
    void start_keyRejected_failsWithOneLineNamingTheVariable() throws IOException {
        assertThatThrownBy(() -> startGateway("sk_not_a_sandbox_key"))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("REALESTATEAPI_KEY")
                .hasMessageNotContaining("sk_not_a_sandbox_key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void start_upstreamDown_warnsAndStartsAnyway() throws IOException {
        sandbox.setFaults(FaultSettings.none().withOutageSeconds(600));

        startGateway(KEY);

        assertThat(messages(Level.WARN))
                .singleElement()
                .asString()
                .startsWith("Could not read the upstream key's info");
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void dailyQuotaSpent_servesStaleThen503UpstreamQuotaUntilMidnightUtc() throws IOException {
        startGateway(KEY);
        get("/api/properties/P000000010");
        sandbox.setFaults(FaultSettings.none().withDailyQuotaRecords(1));
        assertThat(get("/api/properties/P000000012").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(2));

        var stale = get("/api/properties/P000000010");
        var nothing = get("/api/properties/P000000011");

        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(json(stale).at("/meta/source").asText()).isEqualTo("stale");
        assertThat(nothing.statusCode()).isEqualTo(503);
        assertThat(json(nothing).get("type").asText()).endsWith("/upstream-quota");
        // The clock reads 12:00 UTC: the quota resets in twelve hours.
        assertThat(nothing.headers().firstValue("Retry-After"))
                .contains(Long.toString(Duration.ofHours(12).toSeconds()));
        assertThat(sandbox.stats().quotaExhaustedTotal()).isPositive();
    }

    private void startGateway(String upstreamKey) throws IOException {
        Path yaml = dir.resolve("gateway.yaml");
        // The quota test moves the clock: a scheduled batch sync would read behind its back.
        Files.writeString(yaml, "sync:\n  batch_enabled: false\n");
        var env = SandboxProviders.gatewayEnv(Provider.V2, sandbox, upstreamKey);
        env.put("REAPI_DATABASE_URL", "jdbc:sqlite:" + dir.resolve("reapi.db"));
        gateway = Gateway.start(GatewayConfig.load(Optional.of(yaml), env), clock, new Random(3));
        user = gateway.apiKeys().issue("v2-reader", "free", false).rawKey();
    }

    private List<String> messages(Level level) {
        return startupLog.list.stream()
                .filter(e -> e.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static Logger keyCheckLogger() {
        return (Logger) LoggerFactory.getLogger(UpstreamKeyCheck.class);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> post(String path, String body) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(
                    request.header("X-API-Key", user).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode json(HttpResponse<String> response) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
