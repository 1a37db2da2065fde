package dev.reapi.gateway.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.adapter.out.jobs.LocalResultFiles;
import dev.reapi.gateway.adapter.out.notify.SseHub;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiChangeLogStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiJobStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiOutboxStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiWatchStore;
import dev.reapi.gateway.application.PropertyQueryService;
import dev.reapi.gateway.application.cache.InMemoryUsageLedger;
import dev.reapi.gateway.application.job.JobService;
import dev.reapi.gateway.application.job.JobSettings;
import dev.reapi.gateway.application.ledger.UsageReports;
import dev.reapi.gateway.application.notify.CallbackUrlPolicy;
import dev.reapi.gateway.application.notify.NotificationService;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.sync.ChangeApplier;
import dev.reapi.gateway.application.watch.WatchNotifier;
import dev.reapi.gateway.application.watch.WatchService;
import dev.reapi.gateway.domain.job.RetryPolicy;
import dev.reapi.gateway.domain.ledger.RecordPrice;
import dev.reapi.gateway.domain.sync.ChangeSource;
import dev.reapi.gateway.domain.sync.SyncFixtures;
import dev.reapi.gateway.domain.sync.WebhookEvent;
import dev.reapi.gateway.domain.user.Plan;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch routes and their notification stream through {@link HttpServer} and real stores. */
class WatchHttpTest {

    @TempDir Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Clock clock = Clock.systemUTC();
    private Database database;
    private SseHub hub;
    private HttpServer server;
    private InMemoryApiKeys keys;
    private ChangeApplier applier;

    @BeforeEach
    void setUp() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("reapi.db"));
        var policy =
                new CallbackUrlPolicy(
                        false, false, host -> new InetAddress[] {InetAddress.getByName("1.1.1.1")});
        var outbox = new JdbiOutboxStore(database.jdbi());
        var settings = new JobSettings(RetryPolicy.DEFAULT, 4096, "");
        var jobs =
                new JobService(
                        new JdbiJobStore(database.jdbi(), database.dialect(), "jobs"),
                        () -> {},
                        Map.of(),
                        policy,
                        settings,
                        mapper,
                        clock,
                        new SplittableRandom(1));
        hub = new SseHub(outbox, Duration.ofMillis(50));
        var jobEndpoints =
                new JobEndpoints(
                        jobs,
                        new LocalResultFiles(dir.resolve("results"), mapper),
                        settings,
                        new NotificationService(outbox, policy, mapper, clock, new Random(2)),
                        hub);
        var store = new JdbiWatchStore(database, JsonCodecs.propertyCodecs().property());
        var watches = new WatchService(store, policy, clock, new SplittableRandom(3));
        Map<String, Plan> plans = Map.of("free", TestServer.plan("free", 100, 100));
        keys = new InMemoryApiKeys(plans);
        server =
                HttpServer.start(
                        new HttpServer.Settings(
                                "127.0.0.1",
                                0,
                                65_536,
                                32,
                                Duration.ofSeconds(30),
                                Duration.ofSeconds(10)),
                        new HttpServer.Dependencies(
                                new PropertyQueryService(new FakePropertySource()),
                                keys,
                                new CountingRateLimiter(),
                                List.of(),
                                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                                plans.keySet(),
                                "free",
                                new Random(4),
                                clock,
                                new UsageReports(
                                        new InMemoryUsageLedger(), RecordPrice.defaults(), clock)),
                        Optional.of(jobEndpoints),
                        Optional.empty(),
                        Optional.of(new WatchEndpoints(watches)));
        hub.start();
        applier =
                new ChangeApplier(
                        new JdbiChangeLogStore(database),
                        JsonCodecs.propertyCodecs().property(),
                        ChangeHook.none(),
                        clock,
                        Optional.of(new WatchNotifier(mapper)));
    }

    @AfterEach
    void tearDown() {
        server.close();
        hub.close();
        http.close();
        database.close();
    }

    @Test
    void create_propertyIds_isListedReadAndDeleted() throws Exception {
        String key = key("alice");

        HttpResponse<String> created = send("POST", "/api/watches", key, ids("P1", "P2"));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode watches = mapper.readTree(created.body()).path("watches");
        assertThat(watches.findValuesAsText("property_id")).containsExactly("P1", "P2");
        String id = watches.get(0).path("watch_id").asText();
        JsonNode listed = mapper.readTree(send("GET", "/api/watches", key, null).body());
        assertThat(listed.path("watches")).hasSize(2);
        assertThat(listed.path("next_cursor").isNull()).isTrue();
        JsonNode one = mapper.readTree(send("GET", "/api/watches/" + id, key, null).body());
        assertThat(one.path("kind").asText()).isEqualTo("property");
        assertThat(send("DELETE", "/api/watches/" + id, key, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/watches/" + id, key, null).statusCode()).isEqualTo(404);
    }

    @Test
    void create_savedSearch_answersItsCriteria() throws Exception {
        String body =
                """
                {"search":{"location":{"zip":"62704"},"filters":{"price_max":240000}},
                 "callback_url":"https://hooks.example.com/reapi"}
                """;

        HttpResponse<String> created = send("POST", "/api/watches", key("alice"), body);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).isPresent();
        JsonNode watch = mapper.readTree(created.body()).path("watches").get(0);
        assertThat(watch.path("kind").asText()).isEqualTo("search");
        assertThat(watch.path("search").path("location").path("zip").asText()).isEqualTo("62704");
        assertThat(watch.path("search").path("filters").path("price_max").asLong())
                .isEqualTo(240_000);
        assertThat(watch.path("callback_url").asText()).startsWith("https://");
    }

    @Test
    void anotherUsersWatch_isNotFound() throws Exception {
        HttpResponse<String> created = send("POST", "/api/watches", key("alice"), ids("P1"));
        String id =
                mapper.readTree(created.body()).path("watches").get(0).path("watch_id").asText();
        String bob = key("bob");

        assertThat(send("GET", "/api/watches/" + id, bob, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/watches/" + id, bob, null).statusCode()).isEqualTo(404);
        assertThat(mapper.readTree(send("GET", "/api/watches", bob, null).body()).path("watches"))
                .isEmpty();
    }

    @Test
    void list_pagedWithCursor_visitsEveryWatchOnce() throws Exception {
        String key = key("alice");
        send("POST", "/api/watches", key, ids("P1", "P2", "P3"));

        JsonNode first = mapper.readTree(send("GET", "/api/watches?limit=2", key, null).body());
        String cursor = first.path("next_cursor").asText();
        JsonNode second =
                mapper.readTree(
                        send("GET", "/api/watches?limit=2&cursor=" + cursor, key, null).body());

        assertThat(first.path("watches")).hasSize(2);
        assertThat(second.path("watches")).hasSize(1);
        assertThat(second.path("watches").get(0).path("property_id").asText()).isEqualTo("P3");
    }

    @Test
    void badInput_isAProblemNamingTheField() throws Exception {
        String key = key("alice");
        Map<String, String> bodies =
                Map.of(
                        "[]", "$",
                        "{}", "$",
                        "{\"property_ids\":[\"P1\"],\"search\":{}}", "$",
                        "{\"property_ids\":[\"P1\"],\"colour\":1}", "colour",
                        "{\"property_ids\":\"P1\"}", "property_ids",
                        "{\"property_ids\":[1]}", "property_ids[0]",
                        "{\"property_ids\":[\"bad id!\"]}", "property_ids[0]",
                        "{\"search\":{\"filters\":{}}}", "search.location",
                        "{\"search\":{\"location\":{\"zip\":\"62704\"},\"sort\":{}}}", "search",
                        "{\"property_ids\":[\"P1\"],\"callback_url\":\"http://h.example.com\"}",
                                "callback_url");

        for (var entry : bodies.entrySet()) {
            HttpResponse<String> answer = send("POST", "/api/watches", key, entry.getKey());
            assertThat(answer.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(mapper.readTree(answer.body()).path("errors").findValuesAsText("field"))
                    .as(entry.getKey())
                    .contains(entry.getValue());
        }
        assertThat(send("GET", "/api/watches?cursor=x", key, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/watches?limit=0", key, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/watches", "nope", null).statusCode()).isEqualTo(401);
    }

    @Test
    void stream_deliversWatchNotificationsInOrder() throws Exception {
        String key = key("alice");
        applier.applyAll(List.of(SyncFixtures.listed("P1")), ChangeSource.READ, Optional.empty());
        send("POST", "/api/watches", key, ids("P1"));

        for (int i = 1; i <= 3; i++) {
            applier.applyWebhook(priceChange(i));
        }
        List<String> events = readEvents(key, 3);
        // A server notices a stream's reader left only when writing to it fails, which takes a
        // write or two after the connection closed; until then the stream counts as in flight
        // and would hold up the server's graceful stop.
        applier.applyWebhook(priceChange(4));
        applier.applyWebhook(priceChange(5));
        applier.applyWebhook(priceChange(6));

        assertThat(events).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode envelope = mapper.readTree(events.get(i));
            assertThat(envelope.path("seq").asInt()).isEqualTo(i + 1);
            assertThat(envelope.path("type").asText()).isEqualTo("property.changed");
            assertThat(envelope.path("data").path("changes").get(0).path("new_value").asText())
                    .isEqualTo(Integer.toString(250_000 - (i + 1) * 1000));
        }
    }

    private static WebhookEvent priceChange(int i) {
        return new WebhookEvent(
                "msg_" + i,
                WebhookEvent.Type.PRICE_CHANGED,
                "P1",
                Integer.toString(250_000 - i * 1000),
                SyncFixtures.T0.plusSeconds(i));
    }

    private List<String> readEvents(String key, int count) throws Exception {
        var request =
                HttpRequest.newBuilder(uri("/api/notifications/stream"))
                        .header("Accept", "text/event-stream")
                        .header("X-API-Key", key);
        HttpClient streaming = HttpClient.newHttpClient();
        try {
            return SseLines.read(streaming, request.build(), "data", count);
        } finally {
            streaming.shutdownNow();
        }
    }

    private static String ids(String... ids) {
        return "{\"property_ids\":[\"" + String.join("\",\"", ids) + "\"]}";
    }

    private String key(String user) {
        return keys.issue(user, "free", false).rawKey();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> send(String method, String path, String key, String body)
            throws Exception {
        var request =
                HttpRequest.newBuilder(uri(path))
                        .header("X-API-Key", key)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
