package dev.reapi.gateway.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.gateway.adapter.out.jobs.BucketThrottle;
import dev.reapi.gateway.adapter.out.jobs.DbSchedulerJobs;
import dev.reapi.gateway.adapter.out.jobs.LocalResultFiles;
import dev.reapi.gateway.adapter.out.notify.SseHub;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiJobStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiOutboxStore;
import dev.reapi.gateway.application.job.InvalidJobRequest;
import dev.reapi.gateway.application.job.JobContext;
import dev.reapi.gateway.application.job.JobHandler;
import dev.reapi.gateway.application.job.JobRunner;
import dev.reapi.gateway.application.job.JobService;
import dev.reapi.gateway.application.job.JobSettings;
import dev.reapi.gateway.application.notify.CallbackUrlPolicy;
import dev.reapi.gateway.application.notify.NotificationService;
import dev.reapi.gateway.domain.job.JobResult;
import dev.reapi.gateway.domain.job.JobType;
import dev.reapi.gateway.domain.job.RetryPolicy;
import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job and notification routes over real HTTP, with the engine on a SQLite file. */
class JobHttpTest {

    @TempDir Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Database database;
    private DbSchedulerJobs engine;
    private SseHub hub;
    private Javalin app;
    private InMemoryApiKeys keys;
    private String base;

    /** Answers its params back as the result. */
    private static final class EchoHandler implements JobHandler {
        @Override
        public JobType type() {
            return JobType.VALUATION;
        }

        @Override
        public ObjectNode validate(JsonNode params, List<InvalidJobRequest.FieldProblem> problems) {
            if (!params.path("property_id").isTextual()) {
                problems.add(
                        new InvalidJobRequest.FieldProblem("params.property_id", "is required"));
                return new ObjectMapper().createObjectNode();
            }
            return (ObjectNode) params;
        }

        @Override
        public JobResult run(JobContext context) {
            return context.inline(context.params());
        }
    }

    @BeforeEach
    void setUp() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("reapi.db"));
        Clock clock = Clock.systemUTC();
        var settings = new JobSettings(RetryPolicy.DEFAULT, 4096, "");
        var policy = new CallbackUrlPolicy(true, true, InetAddress::getAllByName);
        Map<JobType, JobHandler> handlers = Map.of(JobType.VALUATION, new EchoHandler());
        var store =
                new JdbiJobStore(database.jdbi(), database.dialect(), DbSchedulerJobs.TASK_NAME);
        var outbox = new JdbiOutboxStore(database.jdbi());
        var files = new LocalResultFiles(dir.resolve("results"), mapper);
        var runner =
                new JobRunner(
                        store,
                        handlers,
                        files,
                        new BucketThrottle(100),
                        settings,
                        mapper,
                        clock,
                        new SplittableRandom(1));
        engine =
                new DbSchedulerJobs(
                        database.dataSource(),
                        false,
                        runner,
                        new DbSchedulerJobs.Settings(
                                2,
                                Duration.ofMillis(50),
                                Duration.ofSeconds(1),
                                4,
                                Duration.ofSeconds(5),
                                "http-test"),
                        clock);
        var jobs =
                new JobService(
                        store,
                        engine,
                        handlers,
                        policy,
                        settings,
                        mapper,
                        clock,
                        new SplittableRandom(2));
        var notifications =
                new NotificationService(outbox, policy, mapper, clock, new SplittableRandom(3));
        hub = new SseHub(outbox, Duration.ofMillis(50));
        keys = new InMemoryApiKeys(Map.of("free", TestServer.plan("free", 100, 100)));
        var bodies = new JsonBodies(65_536, 32);
        var guard = new Guard(keys, new CountingRateLimiter(), new SimpleMeterRegistry());
        app =
                Javalin.create(
                        config -> {
                            config.startup.showJavalinBanner = false;
                            config.jetty.host = "127.0.0.1";
                            config.jetty.port = 0;
                            var routes = config.routes;
                            routes.before(ctx -> ctx.attribute(RequestContext.REQUEST_ID, "req_t"));
                            routes.before("/api/*", guard::authenticate);
                            new JobRoutes(jobs, files, settings, guard, bodies).register(routes);
                            new NotificationRoutes(notifications, hub, guard, bodies)
                                    .register(routes);
                            new ErrorHandling(bodies.mapper()).register(routes);
                        });
        app.start();
        engine.start();
        hub.start();
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void tearDown() {
        app.stop();
        hub.close();
        engine.close();
        database.close();
    }

    private HttpResponse<String> send(String method, String path, String key, String body)
            throws Exception {
        var request =
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("X-API-Key", key)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String key(String user) {
        return keys.issue(user, "free", false).rawKey();
    }

    @Test
    void submit_answers202WithLocation_andTheJobSucceeds() throws Exception {
        String key = key("alice");

        HttpResponse<String> created = send("POST", "/api/jobs", key, valuationOf("P1"));

        assertThat(created.statusCode()).isEqualTo(202);
        JsonNode job = mapper.readTree(created.body());
        assertThat(job.path("status").asText()).isEqualTo("queued");
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/jobs/" + job.path("job_id").asText());
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                mapper.readTree(send("GET", location, key, null).body())
                                        .path("status")
                                        .asText()
                                        .equals("succeeded"));
        JsonNode done = mapper.readTree(send("GET", location, key, null).body());
        assertThat(done.path("result").path("property_id").asText()).isEqualTo("P1");
        assertThat(done.path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void submit_withInvalidTypeAndParams_answers400NamingFields() throws Exception {
        HttpResponse<String> bad =
                send("POST", "/api/jobs", key("alice"), "{\"type\":\"nope\",\"params\":{}}");
        HttpResponse<String> badParams =
                send("POST", "/api/jobs", key("alice"), "{\"type\":\"valuation\",\"params\":{}}");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"type\"");
        assertThat(badParams.statusCode()).isEqualTo(400);
        assertThat(badParams.body()).contains("params.property_id");
    }

    @Test
    void anotherUsersJob_is404ForGetAndDelete() throws Exception {
        String id =
                mapper.readTree(send("POST", "/api/jobs", key("alice"), valuationOf("P1")).body())
                        .path("job_id")
                        .asText();
        String bob = key("bob");

        assertThat(send("GET", "/api/jobs/" + id, bob, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/jobs/" + id, bob, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/admin/jobs/" + id + "/rerun", bob, null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void idempotencyKey_reusedWithOtherBody_answers409() throws Exception {
        String key = key("alice");
        var first =
                HttpRequest.newBuilder(URI.create(base + "/api/jobs"))
                        .header("X-API-Key", key)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", "abc");

        var a =
                http.send(
                        first.POST(HttpRequest.BodyPublishers.ofString(valuationOf("P1"))).build(),
                        HttpResponse.BodyHandlers.ofString());
        var b =
                http.send(
                        first.POST(HttpRequest.BodyPublishers.ofString(valuationOf("P1"))).build(),
                        HttpResponse.BodyHandlers.ofString());
        var c =
                http.send(
                        first.POST(HttpRequest.BodyPublishers.ofString(valuationOf("P2"))).build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(mapper.readTree(b.body()).path("job_id"))
                .isEqualTo(mapper.readTree(a.body()).path("job_id"));
        assertThat(c.statusCode()).isEqualTo(409);
        assertThat(c.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void stream_deliversInOrder_andResumesAfterLastEventId() throws Exception {
        String key = key("alice");
        for (int i = 1; i <= 3; i++) {
            send(
                    "POST",
                    "/api/jobs",
                    key,
                    "{\"type\":\"valuation\",\"params\":{\"property_id\":\"P" + i + "\"}}");
        }

        List<String> ids = readEventIds(key, null, 3);
        List<String> resumed = readEventIds(key, "1", 2);

        assertThat(ids).containsExactly("1", "2", "3");
        assertThat(resumed).containsExactly("2", "3");
        JsonNode listed = mapper.readTree(send("GET", "/api/notifications", key, null).body());
        assertThat(listed.path("notifications")).hasSize(3);
        assertThat(listed.path("notifications").get(0).path("delivery").path("state").asText())
                .isEqualTo("none");
    }

    private List<String> readEventIds(String key, String lastEventId, int count) throws Exception {
        var request =
                HttpRequest.newBuilder(URI.create(base + "/api/notifications/stream"))
                        .header("Accept", "text/event-stream")
                        .header("X-API-Key", key);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return SseLines.read(http, request.build(), "id", count);
    }

    private static String valuationOf(String propertyId) {
        return "{\"type\":\"valuation\",\"params\":{\"property_id\":\"" + propertyId + "\"}}";
    }
}
