package dev.reapi.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import dev.reapi.client.Provider;
import dev.reapi.gateway.adapter.in.schedule.BatchSyncSchedule;
import dev.reapi.gateway.adapter.in.schedule.WatchedRefreshSchedule;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiChangeLogStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiWebhookInboxStore;
import dev.reapi.gateway.application.sync.SyncProgress;
import dev.reapi.gateway.application.sync.SyncStart;
import dev.reapi.gateway.domain.sync.ChangeSource;
import dev.reapi.gateway.domain.sync.PropertyChange;
import dev.reapi.gateway.testing.MutableClock;
import dev.reapi.sandbox.MarketChange;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Replica sync as {@link Gateway#start} wires it, on SQLite against the sandbox, on either
 * provider: signed webhooks change the replica and its history, forged ones change nothing, the
 * refresh route records what the sandbox's market moved, and a batch sync (the updated feed on v1,
 * the day's change files after midnight on v2) records it too.
 */
@ParameterizedClass
@EnumSource(Provider.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncEndToEndTest {

    private static final String SECRET = "whsec_c3luYy1lbmQtdG8tZW5kLXNlY3JldA==";
    private static final String FORGED = "whsec_Zm9yZ2VkLXNlY3JldC1ub3QtY29uZmlndXJlZA==";
    private static final String ID = "P000000001";

    @TempDir static Path dir;

    @Parameter Provider provider;

    private MutableClock market;
    private HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private Sandbox sandbox;
    private GatewayConfig config;
    private Gateway gateway;
    private Database db;
    private String key;

    @BeforeParameterizedClassInvocation(injectArguments = false)
    void start() {
        market = new MutableClock(Instant.now());
        http = HttpClient.newHttpClient();
        sandbox =
                Sandbox.start(
                        SandboxOptions.defaults().withPort(0).withProperties(20).withClock(market));
        String url = "jdbc:sqlite:" + dir.resolve(provider + ".db");
        config =
                GatewayConfig.load(
                        Optional.empty(),
                        Map.of(
                                "REALESTATEAPI_PROVIDER",
                                provider.name().toLowerCase(Locale.ROOT),
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
                                SECRET));
        gateway = Gateway.start(config);
        db = Database.open(url);
        key = gateway.apiKeys().issue("sync-e2e", "pro", false).rawKey();
    }

    @AfterParameterizedClassInvocation(injectArguments = false)
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
        Instant at = Collections.max(List.of(Instant.now(), market.instant()));
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
        // Later than any webhook another test sent.
        market.advance(Duration.ofMinutes(5));
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

    @Test
    void batchSync_afterTheMarketMoved_recordsTheChangesWithSourceBatch() throws Exception {
        for (int i = 1; i <= 20; i++) {
            assertThat(get("/api/properties/P%09d".formatted(i)).statusCode()).isEqualTo(200);
        }
        market.advance(Duration.ofMinutes(10));
        List<MarketChange> moved = sandbox.tick(3);
        // On v2 the day's changes are published after midnight (UTC).
        Instant midnight =
                LocalDate.ofInstant(market.instant(), ZoneOffset.UTC)
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
        market.advance(Duration.between(market.instant(), midnight).plusMinutes(30));

        SyncProgress done =
                BatchSyncRun.run(
                        config,
                        SyncStart.resume(),
                        SyncProgress.Listener.none(),
                        new SimpleMeterRegistry(),
                        market);

        assertThat(done.pages()).isPositive();
        for (MarketChange change : moved) {
            assertThat(history(change.propertyId()))
                    .as(change.propertyId())
                    .anySatisfy(c -> assertThat(c.source()).isEqualTo(ChangeSource.BATCH));
        }
    }

    @Test
    void schedule_registersTheBatchSyncAndTheWatchedRefresh() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(scheduledTasks())
                                        .contains(
                                                BatchSyncSchedule.TASK_NAME,
                                                WatchedRefreshSchedule.TASK_NAME));
    }

    private List<String> scheduledTasks() {
        return db.jdbi()
                .withHandle(
                        h ->
                                h.createQuery("SELECT task_name FROM scheduled_tasks")
                                        .mapTo(String.class)
                                        .list());
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
