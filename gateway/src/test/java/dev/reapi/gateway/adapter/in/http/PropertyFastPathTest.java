package dev.reapi.gateway.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.adapter.out.cache.TieredCacheSettings;
import dev.reapi.gateway.adapter.out.cache.TieredResponseCache;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiReplicaStore;
import dev.reapi.gateway.application.cache.CachedPropertyQueries;
import dev.reapi.gateway.application.cache.CachedReads;
import dev.reapi.gateway.application.cache.InMemoryUsageLedger;
import dev.reapi.gateway.application.cache.ReadReplication;
import dev.reapi.gateway.application.cache.SearchGeneration;
import dev.reapi.gateway.application.ledger.UsageReports;
import dev.reapi.gateway.application.port.out.UpstreamFailure;
import dev.reapi.gateway.domain.cache.CachePolicy;
import dev.reapi.gateway.domain.ledger.RecordPrice;
import dev.reapi.gateway.domain.user.EndpointClass;
import dev.reapi.gateway.domain.user.Plan;
import dev.reapi.gateway.domain.user.RateLimit;
import dev.reapi.gateway.testing.MutableClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PropertyFastPath} against the Javalin route it stands in front of: two gateways wired
 * alike over the cached read path, one with the fast path and one without, get the same requests
 * and must give the same status, headers (but {@code Date}), body, usage and meters.
 */
class PropertyFastPathTest {

    private static final String KNOWN = "/api/properties/" + FakePropertySource.KNOWN_ID;
    private static final String UNKNOWN = "/api/properties/P999999999";

    @TempDir Path dir;
    private final MutableClock clock = MutableClock.standard();
    private final HttpClient http = HttpClient.newHttpClient();
    private Gateway fast;
    private Gateway javalin;

    @BeforeEach
    void start() {
        fast = new Gateway(dir.resolve("fast.db"), true);
        javalin = new Gateway(dir.resolve("javalin.db"), false);
    }

    @AfterEach
    void stop() {
        fast.close();
        javalin.close();
        http.close();
    }

    @Test
    void details_missThenHits_answerAlike() {
        Map<String, String> key = fast.keys("free");
        Map<String, String> otherKey = javalin.keys("free");

        Answers miss = both(KNOWN, key, otherKey, "X-Request-Id", "trace-1");
        clock.advance(Duration.ofSeconds(7));
        Answers hit = both(KNOWN, key, otherKey, "X-Request-Id", "trace-2");
        Answers generatedId = both(KNOWN, key, otherKey);

        assertThat(miss.fast().body()).contains("\"source\":\"fresh\"");
        assertThat(hit.fast().body()).contains("\"source\":\"cache\",\"age_s\":7");
        assertThat(hit.fast().headers().firstValue("Cache-Status")).hasValue("reapi; hit");
        assertThat(generatedId.fast().headers().firstValue("X-Request-Id").orElseThrow())
                .startsWith("req_");
        assertSameBooks();
    }

    @Test
    void details_problems_answerAlike() {
        Map<String, String> tiny = fast.keys("tiny");
        Map<String, String> otherTiny = javalin.keys("tiny");
        Map<String, String> capped = fast.keys("capped");
        Map<String, String> otherCapped = javalin.keys("capped");
        Map<String, String> free = fast.keys("free");
        Map<String, String> otherFree = javalin.keys("free");

        both(KNOWN, Map.of(), Map.of(), "X-Request-Id", "no-key");
        both(KNOWN, Map.of(), Map.of(), "X-API-Key", "rk_nope_nope", "X-Request-Id", "bad-key");
        both(UNKNOWN, free, otherFree, "X-Request-Id", "unknown");
        both(UNKNOWN, free, otherFree, "X-Request-Id", "unknown-again");
        both(KNOWN, capped, otherCapped, "X-Request-Id", "capped");
        both("/api/properties/" + "x".repeat(65), free, otherFree, "X-Request-Id", "bad-id");
        for (int i = 0; i < 4; i++) {
            both(KNOWN, tiny, otherTiny, "X-Request-Id", "tiny-" + i);
        }
        Answers limited = both(KNOWN, tiny, otherTiny, "X-Request-Id", "limited");

        assertThat(limited.fast().statusCode()).isEqualTo(429);
        assertSameBooks();
    }

    @Test
    void details_upstreamDown_answerAlike() {
        Map<String, String> key = fast.keys("free");
        Map<String, String> otherKey = javalin.keys("free");
        fast.source.failWith(UpstreamFailure.Kind.UNAVAILABLE);
        javalin.source.failWith(UpstreamFailure.Kind.UNAVAILABLE);

        Answers down = both(KNOWN, key, otherKey, "X-Request-Id", "down");
        both(KNOWN, key, otherKey, "X-Request-Id", "gzip", "Accept-Encoding", "gzip");

        assertThat(down.fast().statusCode()).isEqualTo(503);
        assertSameBooks();
    }

    /** Sends one request to each gateway, each with its own key, and compares the answers. */
    private Answers both(
            String path, Map<String, String> key, Map<String, String> otherKey, String... headers) {
        HttpResponse<String> a = send(fast, path, key, headers);
        HttpResponse<String> b = send(javalin, path, otherKey, headers);

        assertThat(a.statusCode()).as("status of %s", path).isEqualTo(b.statusCode());
        assertThat(a.body()).as("body of %s", path).isEqualTo(b.body());
        assertThat(withoutDate(a)).as("headers of %s", path).isEqualTo(withoutDate(b));
        return new Answers(a, b);
    }

    private void assertSameBooks() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        assertThat(fast.ledger.totals()).isEqualTo(javalin.ledger.totals());
        assertThat(fast.ledger.daily(Optional.empty(), today, today))
                .isEqualTo(javalin.ledger.daily(Optional.empty(), today, today));
        assertThat(counts(fast)).isNotEmpty().isEqualTo(counts(javalin));
    }

    /** The counters of requests, rejections and cache lookups, without timings. */
    private static List<String> counts(Gateway gateway) {
        List<String> lines = new ArrayList<>();
        for (String line : gateway.registry.scrape().lines().toList()) {
            if (line.startsWith("reapi_http_requests_seconds_count")
                    || line.startsWith("reapi_ratelimit_rejections")
                    || line.startsWith("reapi_cache_lookups")) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Map<String, List<String>> withoutDate(HttpResponse<String> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.remove("date");
        return headers;
    }

    private HttpResponse<String> send(
            Gateway gateway, String path, Map<String, String> key, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(gateway.server.uri(path)).timeout(Duration.ofSeconds(20));
        key.forEach(request::header);
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Answers(HttpResponse<String> fast, HttpResponse<String> javalin) {}

    /** One gateway over the cached read path, a fake upstream and a SQLite replica. */
    private final class Gateway implements AutoCloseable {

        final FakePropertySource source = new FakePropertySource();
        final InMemoryUsageLedger ledger = new InMemoryUsageLedger();
        final PrometheusMeterRegistry registry =
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        final InMemoryApiKeys apiKeys;
        final Database database;
        final TieredResponseCache cache;
        final Server server;

        Gateway(Path file, boolean fastPath) {
            Map<String, Plan> plans =
                    Map.of(
                            "free", plan("free", 500, OptionalLong.empty()),
                            "tiny", plan("tiny", 3, OptionalLong.empty()),
                            "capped", plan("capped", 500, OptionalLong.of(0)));
            apiKeys = new InMemoryApiKeys(plans);
            database = Database.open("jdbc:sqlite:" + file);
            cache = new TieredResponseCache(TieredCacheSettings.defaults(), clock, registry);
            var reads =
                    new CachedReads(
                            cache,
                            ledger,
                            CachePolicy.defaults(),
                            clock,
                            Executors.newVirtualThreadPerTaskExecutor(),
                            Duration.ofSeconds(30),
                            e ->
                                    e instanceof UpstreamFailure f
                                            && f.kind() == UpstreamFailure.Kind.UNAVAILABLE);
            var queries =
                    new CachedPropertyQueries(
                            reads,
                            source,
                            Optional.empty(),
                            new JdbiReplicaStore(database),
                            ReadReplication.none(),
                            new SearchGeneration(),
                            JsonCodecs.propertyCodecs());
            var deps =
                    new HttpServer.Dependencies(
                            queries,
                            apiKeys,
                            new CountingRateLimiter(),
                            List.of(),
                            registry,
                            plans.keySet(),
                            "free",
                            new Random(42),
                            clock,
                            new UsageReports(ledger, RecordPrice.defaults(), clock));
            var settings =
                    new HttpServer.Settings(
                            "127.0.0.1",
                            0,
                            TestServer.MAX_BODY,
                            32,
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(2));
            server =
                    new Server(
                            HttpServer.start(
                                    settings,
                                    deps,
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    fastPath));
        }

        /** A new user key of {@code plan} as an {@code X-API-Key} header. */
        Map<String, String> keys(String plan) {
            return Map.of("X-API-Key", apiKeys.issue("u" + plan, plan, false).rawKey());
        }

        @Override
        public void close() {
            server.http().close();
            cache.close();
            database.close();
        }
    }

    /** A started server and the URI of a path on it. */
    private record Server(HttpServer http) {
        java.net.URI uri(String path) {
            return java.net.URI.create("http://127.0.0.1:" + http.port() + path);
        }
    }

    private static Plan plan(String name, long details, OptionalLong cap) {
        Duration window = Duration.ofMinutes(15);
        return new Plan(
                name,
                Map.of(
                        EndpointClass.SEARCH, new RateLimit(100, window),
                        EndpointClass.DETAILS, new RateLimit(details, window),
                        EndpointClass.JOBS, new RateLimit(50, window)),
                cap);
    }
}
