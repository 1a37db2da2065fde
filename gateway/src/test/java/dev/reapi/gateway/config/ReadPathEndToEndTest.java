package dev.reapi.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.reapi.client.Provider;
import dev.reapi.client.model.ModelJson;
import dev.reapi.client.model.Property;
import dev.reapi.gateway.testing.MutableClock;
import dev.reapi.gateway.testing.SandboxProviders;
import dev.reapi.sandbox.FaultSettings;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
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

/**
 * The read path over HTTP as {@link Gateway#start} wires it, with the sandbox as the upstream and a
 * clock the test moves: cache hits, the fallback chain during an outage, the daily record cap and
 * the usage report. Runs once per upstream provider.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Provider.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadPathEndToEndTest {

    private static final String UPSTREAM_KEY = "sk_upstream_readpath";
    private static final String OLD = "P000000011";
    private static final String RECENT = "P000000010";

    @TempDir static Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    @Parameter private Provider provider;
    private MutableClock clock;
    private Sandbox sandbox;
    private Gateway gateway;
    private String user;
    private String capped;
    private String admin;

    @BeforeParameterizedClassInvocation
    void start() throws IOException {
        clock = MutableClock.standard();
        sandbox =
                Sandbox.start(
                        SandboxOptions.defaults().withPort(0).withApiKeys(Set.of(UPSTREAM_KEY)));
        Path yaml = dir.resolve(provider + ".yaml");
        Files.writeString(
                yaml,
                """
                plans:
                  capped:
                    search: {requests: 100}
                    details: {requests: 100}
                    jobs: {requests: 10}
                    daily_record_cap: 1
                cache:
                  retry_after_s: 30
                # The test jumps the clock by days: a scheduled batch sync would then refresh the
                # replica behind the read path's back.
                sync:
                  batch_enabled: false
                """);
        var env = SandboxProviders.gatewayEnv(provider, sandbox, UPSTREAM_KEY);
        env.put("REAPI_DATABASE_URL", "jdbc:sqlite:" + dir.resolve(provider + ".db"));
        gateway = Gateway.start(GatewayConfig.load(Optional.of(yaml), env), clock, new Random(7));
        user = gateway.apiKeys().issue("reader", "free", false).rawKey();
        capped = gateway.apiKeys().issue("frugal", "capped", false).rawKey();
        admin = gateway.apiKeys().issue("operator", "free", true).rawKey();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @AfterAll
    void closeHttp() {
        http.close();
    }

    @Test
    @Order(1)
    void property_secondRead_isACacheHit() throws IOException {
        var first = get(user, "/api/properties/" + OLD);
        clock.advance(Duration.ofSeconds(5));
        var second = get(user, "/api/properties/" + OLD);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).at("/meta/source").asText()).isEqualTo("fresh");
        assertThat(first.headers().firstValue("Cache-Status")).contains("reapi; fwd=uri-miss");
        assertThat(json(second).at("/meta/source").asText()).isEqualTo("cache");
        assertThat(json(second).at("/meta/age_s").asLong()).isEqualTo(5);
        assertThat(second.headers().firstValue("Cache-Status")).contains("reapi; hit");
        assertThat(sandbox.stats().requests(bulkDetails())).isEqualTo(1);
        // A hit writes the stored JSON as is: it must read exactly as encoding the property would.
        Property property = ModelJson.newMapper().readValue(data(second), Property.class);
        String encoded =
                JsonMapper.builder()
                        .addModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .build()
                        .valueToTree(property)
                        .toString();
        assertThat(data(second)).isEqualTo(encoded).isEqualTo(data(first));
        assertThat(json(second).at("/meta/request_id").asText())
                .isEqualTo(second.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    @Order(4)
    void outage_servesStaleThenReplicaThen503() throws IOException {
        clock.advance(Duration.ofDays(7));
        get(user, "/api/properties/" + RECENT);
        clock.advance(Duration.ofDays(2));
        sandbox.setFaults(FaultSettings.none().withOutageSeconds(600));
        try {
            var stale = get(user, "/api/properties/" + RECENT);
            var replica = get(user, "/api/properties/" + OLD);
            var nothing = get(user, "/api/properties/P000000012");

            assertThat(stale.statusCode()).isEqualTo(200);
            assertThat(json(stale).at("/meta/source").asText()).isEqualTo("stale");
            assertThat(json(stale).at("/meta/age_s").asLong())
                    .isEqualTo(Duration.ofDays(2).toSeconds());
            assertThat(stale.headers().firstValue("Cache-Status"))
                    .contains("reapi; hit; detail=stale");
            assertThat(replica.statusCode()).isEqualTo(200);
            assertThat(json(replica).at("/data/id").asText()).isEqualTo(OLD);
            assertThat(json(replica).at("/meta/source").asText()).isEqualTo("replica");
            assertThat(json(replica).at("/meta/age_s").asLong())
                    .isEqualTo(Duration.ofDays(9).plusSeconds(5).toSeconds());
            assertThat(nothing.statusCode()).isEqualTo(503);
            assertThat(nothing.headers().firstValue("Retry-After")).contains("30");
            assertThat(nothing.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
        } finally {
            sandbox.resetFaults();
        }
    }

    @Test
    @Order(2)
    void dailyCap_reached_is429WithRetryAfter() throws IOException {
        var first = get(capped, "/api/properties/P000000020");
        var cached = get(capped, "/api/properties/P000000020");
        var refused = get(capped, "/api/properties/P000000021");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(cached.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(refused).get("type").asText()).endsWith("daily-cap-reached");
    }

    @Test
    @Order(3)
    void usage_userSeesOwnTotalsAdminSeesEveryone() throws Exception {
        List<Thread> readers = new ArrayList<>();
        for (int i = 100; i < 120; i++) {
            String path = "/api/properties/P000000" + i;
            readers.add(Thread.ofVirtual().start(() -> get(admin, path)));
        }
        for (Thread reader : readers) {
            reader.join();
        }

        var own = get(user, "/api/usage");
        var all = get(admin, "/api/usage");
        var forbidden = get(user, "/api/usage?user=someone-else");

        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        JsonNode data = json(own).get("data");
        assertThat(data.get("scope").asText()).isEqualTo("user");
        assertThat(data.at("/totals/records_billed").asLong()).isEqualTo(1);
        assertThat(data.at("/totals/saved_requests").asLong()).isPositive();
        assertThat(data.get("price_per_record").asText()).isEqualTo("0.01");
        assertThat(json(all).at("/data/scope").asText()).isEqualTo("all");
        assertThat(json(all).at("/data/users").size()).isGreaterThanOrEqualTo(2);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        var stats = sandbox.stats();
        assertThat(stats.requests(bulkDetails())).isLessThan(20);
        assertThat(json(all).at("/data/totals/upstream_calls").asLong())
                .isEqualTo(SandboxProviders.dataRequests(stats));
        assertThat(json(all).at("/data/totals/records_billed").asLong())
                .isEqualTo(stats.recordsTotal());
    }

    private String bulkDetails() {
        return SandboxProviders.op(provider, "getPropertiesBulk", "PropertyDetailBulk");
    }

    /** The raw text of a read answer's {@code data} member. */
    private static String data(HttpResponse<String> response) {
        String body = response.body();
        assertThat(body).startsWith("{\"data\":");
        return body.substring("{\"data\":".length(), body.lastIndexOf(",\"meta\":{"));
    }

    private HttpResponse<String> get(String key, String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                            .header("X-API-Key", key)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
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
}
