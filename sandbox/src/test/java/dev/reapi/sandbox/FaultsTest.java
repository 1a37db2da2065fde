package dev.reapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault and limit, on a sandbox whose clock the test moves. */
class FaultsTest {
    private static final String DETAIL = "/v1/properties/P000000007";

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T23:59:00Z"));
    private Sandbox sandbox;
    private Http http;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withProperties(1_000).withClock(clock));
        http = new Http(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void failNext_count_failsExactlyThatManyThenRecovers() {
        sandbox.setFaults(FaultSettings.none().withFailNext(2, 500));

        List<Integer> statuses =
                List.of(
                        http.get(DETAIL).status(),
                        http.get(DETAIL).status(),
                        http.get(DETAIL).status());

        assertThat(statuses).containsExactly(500, 500, 200);
        StatsSnapshot s = sandbox.stats();
        assertThat(s.requestsTotal()).isEqualTo(3);
        assertThat(s.recordsTotal()).isEqualTo(1);
        assertThat(s.faults("fail_next")).isEqualTo(2);
        assertThat(sandbox.faults().failNext().count()).isZero();
    }

    @Test
    void errorRate_one_failsEveryRequestWithAListedStatusAndBillsNothing() {
        sandbox.setFaults(FaultSettings.none().withErrors(1.0, List.of(502, 503)));

        for (int i = 0; i < 10; i++) {
            assertThat(http.get(DETAIL).status()).isIn(502, 503);
        }
        assertThat(sandbox.stats().recordsTotal()).isZero();
        assertThat(sandbox.stats().faults("error")).isEqualTo(10);
    }

    @Test
    void errorRate_half_failsAboutHalf() {
        sandbox.setFaults(FaultSettings.none().withErrors(0.5, List.of(500)));

        long failures = 0;
        for (int i = 0; i < 200; i++) {
            failures += http.get(DETAIL).status() == 500 ? 1 : 0;
        }

        assertThat(failures).isBetween(70L, 130L);
        assertThat(sandbox.stats().records("getProperty")).isEqualTo(200 - failures);
    }

    @Test
    void outage_untilClockPassesItsEnd_answers503WithRetryAfter() {
        sandbox.setFaults(FaultSettings.none().withOutageSeconds(30));

        Http.Response during = http.get(DETAIL);
        Http.Response health = http.get("/v1/health");
        clock.advance(Duration.ofSeconds(31));
        Http.Response after = http.get(DETAIL);

        assertThat(during.status()).isEqualTo(503);
        assertThat(during.header("Retry-After")).isEqualTo("30");
        assertThat(health.status()).isEqualTo(503);
        assertThat(after.status()).isEqualTo(200);
    }

    @Test
    void rateLimit_perKeyPerSecond_answers429UntilTheNextSecond() {
        sandbox.setFaults(FaultSettings.none().withRateLimitRps(2));

        List<Integer> first =
                List.of(
                        http.get(DETAIL).status(),
                        http.get(DETAIL).status(),
                        http.get(DETAIL).status());
        Http.Response limited = http.get(DETAIL);
        clock.advance(Duration.ofSeconds(1));

        assertThat(first).containsExactly(200, 200, 429);
        assertThat(limited.json().get("limit").asText()).isEqualTo("rate");
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(http.get(DETAIL).status()).isEqualTo(200);
        assertThat(sandbox.stats().rateLimitedTotal()).isEqualTo(2);
    }

    @Test
    void dailyQuota_exceeded_answers429UntilMidnightUtc() {
        sandbox.setFaults(FaultSettings.none().withDailyQuotaRecords(3));
        String bulk = "{\"ids\":[\"P000000001\",\"P000000002\"]}";

        assertThat(http.post("/v1/properties/bulk", bulk).status()).isEqualTo(200);
        Http.Response over = http.post("/v1/properties/bulk", bulk);
        Http.Response single = http.get(DETAIL);
        Http.Response exhausted = http.get(DETAIL);
        clock.advance(Duration.ofMinutes(1));
        Http.Response nextDay = http.get(DETAIL);

        assertThat(over.status()).isEqualTo(429);
        assertThat(over.json().get("limit").asText()).isEqualTo("quota");
        assertThat(over.json().get("quota_resets_at").asText()).isEqualTo("2026-12-02T00:00:00Z");
        assertThat(over.header("Retry-After")).isEqualTo("60");
        assertThat(single.status()).isEqualTo(200);
        assertThat(exhausted.status()).isEqualTo(429);
        assertThat(nextDay.status()).isEqualTo(200);
        StatsSnapshot s = sandbox.stats();
        assertThat(s.recordsTotal()).isEqualTo(4);
        assertThat(s.quotaExhaustedTotal()).isEqualTo(2);
        assertThat(s.recordsByApiKey()).containsEntry("sandbox", 4L);
    }

    @Test
    void reset_rateOne_dropsTheConnectionWithoutAnswer() {
        sandbox.setFaults(FaultSettings.none().withResetRate(1.0));

        assertThatThrownBy(() -> http.raw(DETAIL)).isInstanceOf(IOException.class);
        // The JDK client retries an idempotent GET once after a dropped connection.
        assertThat(sandbox.stats().faults("reset")).isBetween(1L, 2L);
        assertThat(sandbox.stats().recordsTotal()).isZero();
    }

    @Test
    void timeout_rateOne_holdsThenDropsTheConnection() {
        sandbox.setFaults(FaultSettings.none().withTimeouts(1.0, 300));
        long start = System.nanoTime();

        assertThatThrownBy(() -> http.raw(DETAIL)).isInstanceOf(IOException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(sandbox.stats().faults("timeout")).isBetween(1L, 2L);
    }

    @Test
    void latency_fixed_delaysTheAnswer() {
        sandbox.setFaults(
                FaultSettings.none().withLatency(new FaultSettings.Latency("fixed", 150, 150)));
        long start = System.nanoTime();

        Http.Response r = http.get(DETAIL);

        assertThat(r.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void faultsRoute_postThenDelete_replacesAndClearsSettings() {
        Http control = http.withKey("");

        Http.Response set =
                control.post(
                        "/_sandbox/faults",
                        "{\"error_rate\":0.25,\"error_statuses\":[503],\"fail_next\":{\"count\":1}}");
        Http.Response bad = control.post("/_sandbox/faults", "{\"error_rate\":2}");
        Http.Response cleared = control.delete("/_sandbox/faults");

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("error_rate").asDouble()).isEqualTo(0.25);
        assertThat(set.json().at("/fail_next/status").asInt()).isEqualTo(503);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("error_rate");
        assertThat(cleared.json().get("error_rate").asDouble()).isZero();
        assertThat(sandbox.faults()).isEqualTo(FaultSettings.none());
    }

    @Test
    void tickRoute_emptyBodyOrCount_appliesThatManyChanges() {
        Http control = http.withKey("");

        Http.Response one = control.post("/_sandbox/market/tick", "");
        Http.Response three = control.post("/_sandbox/market/tick", "{\"count\":3}");
        Http.Response bad = control.post("/_sandbox/market/tick", "{\"count\":-1}");

        assertThat(one.json().get("changes")).hasSize(1);
        assertThat(three.json().get("changes")).hasSize(3);
        String id = three.json().at("/changes/0/property_id").asText();
        assertThat(control.get("/_sandbox/properties/" + id).json().get("updated_at").asText())
                .isEqualTo(three.json().at("/changes/0/changed_at").asText());
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void statsRoute_afterReset_countsFromZero() {
        http.get(DETAIL);
        http.post("/v1/properties/bulk", "{\"ids\":[\"P000000001\",\"P000000002\",\"P5\"]}");
        Http control = http.withKey("");

        Http.Response before = control.get("/_sandbox/stats");
        control.post("/_sandbox/stats/reset", "");
        Http.Response after = control.get("/_sandbox/stats");

        assertThat(before.json().get("records_total").asLong()).isEqualTo(3);
        assertThat(before.json().at("/records_by_endpoint/getPropertiesBulk").asLong())
                .isEqualTo(2);
        assertThat(before.json().at("/requests_by_api_key/sandbox").asLong()).isEqualTo(2);
        assertThat(after.json().get("requests_total").asLong()).isZero();
    }
}
