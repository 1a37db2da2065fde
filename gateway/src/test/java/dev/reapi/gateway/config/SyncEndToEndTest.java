package dev.reapi.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiChangeLogStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiWebhookInboxStore;
import dev.reapi.gateway.domain.sync.ChangeSource;
import dev.reapi.gateway.domain.sync.PropertyChange;
import dev.reapi.sandbox.MarketChange;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replica sync as {@link Gateway#start} wires it, on SQLite against the sandbox: signed webhooks
 * change the replica and its history, forged ones change nothing, and the refresh route records
 * what the sandbox's market moved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncEndToEndTest {

    private static final String SECRET = "whsec_c3luYy1lbmQtdG8tZW5kLXNlY3JldA==";
    private static final String FORGED = "whsec_Zm9yZ2VkLXNlY3JldC1ub3QtY29uZmlndXJlZA==";
    private static final String ID = "P000000001";

    @TempDir static Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private Sandbox sandbox;
    private Gateway gateway;
    private Database db;
    private String key;

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withPort(0).withProperties(20));
        String url = "jdbc:sqlite:" + dir.resolve("reapi.db");
        gateway =
                Gateway.start(
                        GatewayConfig.load(
                                Optional.empty(),
                                Map.of(
                                        "REALESTATEAPI_KEY",
                                        "sandbox",
                                        "REALESTATEAPI_BASE_URL",
                                        sandbox.baseUrl(),
                                        "REAPI_HOST",
                                        "127.0.0.1",
                                        "REAPI_PORT",
                                        "0",
                                        "REAPI_DATABASE_URL",
                                        url,
                                        "REAPI_WEBHOOK_SECRETS",
                                        SECRET)));
        db = Database.open(url);
        key = gateway.apiKeys().issue("sync-e2e", "pro", false).rawKey();
    }

    @AfterAll
    void stop() {
        if (db != null) {
            db.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        http.close();
    }

    @Test
    void webhook_signed_changesReplicaAndHistory_forged_isRejectedAndChangesNothing()
            throws Exception {
        assertThat(get("/api/properties/" + ID).statusCode()).isEqualTo(200);
        Instant at = Instant.now();
        String body =
                """
                {"type":"property.price_changed","timestamp":"%s","data":\
                {"property_id":"%s","old_price":1,"new_price":123457,"changed_at":"%s"}}\
                """
                        .formatted(at, ID, at);

        HttpResponse<String> forged = webhook("msg_forged", FORGED, body);
        HttpResponse<String> signed = webhook("msg_signed", SECRET, body);

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(new JdbiWebhookInboxStore(db).state("msg_forged")).isEmpty();
        assertThat(signed.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(history(ID))
                                        .anySatisfy(
                                                c -> {
                                                    assertThat(c.newValue()).isEqualTo("123457");
                                                    assertThat(c.source())
                                                            .isEqualTo(ChangeSource.WEBHOOK);
                                                }));
        assertThat(history(ID)).filteredOn(c -> c.source() == ChangeSource.WEBHOOK).hasSize(1);
    }

    @Test
    void refresh_afterTheMarketMoved_recordsTheChange() throws Exception {
        for (int i = 1; i <= 20; i++) {
            assertThat(get("/api/properties/P%09d".formatted(i)).statusCode()).isEqualTo(200);
        }
        List<MarketChange> moved = sandbox.tick(1);
        String id = moved.getFirst().propertyId();

        HttpResponse<String> response = post("/api/properties/" + id + "/refresh");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = mapper.readTree(response.body());
        assertThat(body.path("data").path("id").asText()).isEqualTo(id);
        assertThat(body.path("meta").path("source").asText()).isEqualTo("fresh");
        assertThat(body.path("changes")).isNotEmpty();
        assertThat(body.path("changes").get(0).path("source").asText()).isEqualTo("incremental");
        assertThat(history(id))
                .extracting(PropertyChange::source)
                .contains(ChangeSource.INCREMENTAL);
        assertThat(post("/api/properties/" + id + "/refresh").body()).contains("\"changes\":[]");
    }

    @Test
    void refresh_unknownProperty_is404Problem() throws Exception {
        HttpResponse<String> response = post("/api/properties/P999999999/refresh");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(mapper.readTree(response.body()).path("status").asInt()).isEqualTo(404);
    }

    private List<PropertyChange> history(String id) {
        return new JdbiChangeLogStore(db).history(id, Optional.empty(), 100);
    }

    private HttpResponse<String> webhook(String id, String secret, String body) throws Exception {
        long seconds = Instant.now().getEpochSecond();
        return http.send(
                HttpRequest.newBuilder(uri("/webhooks/property-updates"))
                        .header("webhook-id", id)
                        .header("webhook-timestamp", Long.toString(seconds))
                        .header("webhook-signature", new Webhook(secret).sign(id, seconds, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path)).header("X-API-Key", key).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("X-API-Key", key)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }
}
