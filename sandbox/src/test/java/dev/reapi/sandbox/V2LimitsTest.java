package dev.reapi.sandbox;

import static dev.reapi.sandbox.V2Envelopes.error;
import static dev.reapi.sandbox.V2Envelopes.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** v2 shares keys, faults, limits and billing with v1; scopes and key info are v2's own. */
class V2LimitsTest {
    private static final String DETAIL = "/v2/PropertyDetail";
    private static final String ONE = "{\"id\":7}";

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T23:59:00Z"));
    private Sandbox sandbox;
    private Http http;
    private Http control;

    @BeforeEach
    void start() {
        sandbox =
                Sandbox.start(
                        SandboxOptions.defaults()
                                .withProperties(1_000)
                                .withApiKeys(Set.of("sandbox", "narrow"))
                                .withClock(clock));
        http = new Http(sandbox);
        control = http.withKey("");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void keys_missingOrUnknown_are401InTheEnvelope() {
        assertThat(error(http.withKey("").post(DETAIL, ONE), 401)).isNotBlank();
        assertThat(error(http.withKey("nope").post(DETAIL, ONE), 401)).isEqualTo("Invalid API key");
    }

    @Test
    void scopes_keyWithoutPropertyAvm_is403ThereAndServedElsewhere() {
        Http.Response set =
                control.put(
                        "/_sandbox/keys/narrow",
                        "{\"scopes\":[\"PropertySearch\",\"PropertyDetail\"],\"live\":true}");
        Http narrow = http.withKey("narrow");

        String denied = error(narrow.post("/v2/PropertyAvm", ONE), 403);
        JsonNode detail = ok(narrow.post(DETAIL, ONE));
        JsonNode info = ok(narrow.get("/v2/key/info")).get("data");

        assertThat(set.status()).isEqualTo(200);
        assertThat(denied).contains("PropertyAvm");
        assertThat(detail.get("live").asBoolean()).isTrue();
        assertThat(info.get("keyType").asText()).isEqualTo("live");
        assertThat(info.get("scopes"))
                .extracting(JsonNode::asText)
                .containsExactly("PropertySearch", "PropertyDetail");
        assertThat(info.get("availableEndpoints")).hasSize(2);
        assertThat(ok(http.post("/v2/PropertyAvm", ONE)).get("live").asBoolean()).isFalse();
        assertThat(control.put("/_sandbox/keys/narrow", "{\"scopes\":[\"Nope\"]}").status())
                .isEqualTo(400);
        assertThat(control.put("/_sandbox/keys/stranger", "{}").status()).isEqualTo(404);
    }

    @Test
    void setV2Scopes_fromJava_withholdsChangeFilesAndRejectsUnknownScopes() {
        sandbox.setV2Scopes("narrow", Set.of("PropertySearch"), false);

        String denied =
                error(
                        http.withKey("narrow")
                                .post("/v2/ChangeFiles", "{\"file_date\":\"2026-11-30\"}"),
                        403);

        assertThat(denied).contains("ChangeFiles");
        assertThatThrownBy(() -> sandbox.setV2Scopes("narrow", Set.of("Nope"), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rateLimit_sharedWithV1_answers429InTheEnvelope() {
        sandbox.setFaults(FaultSettings.none().withRateLimitRps(2));

        List<Integer> statuses = new ArrayList<>();
        statuses.add(http.get("/v1/properties/P000000007").status());
        statuses.add(http.post(DETAIL, ONE).status());
        Http.Response limited = http.post(DETAIL, ONE);

        assertThat(statuses).containsExactly(200, 200);
        assertThat(error(limited, 429)).startsWith("Rate limit exceeded");
        assertThat(limited.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void dailyQuota_sharedWithV1_answers429UntilMidnightUtc() {
        sandbox.setFaults(FaultSettings.none().withDailyQuotaRecords(3));
        http.get("/v1/properties/P000000007");
        ok(http.post("/v2/PropertyDetailBulk", "{\"ids\":[1,2]}"));

        Http.Response over = http.post(DETAIL, ONE);
        JsonNode info = ok(http.get("/v2/key/info")).at("/data/quota");
        clock.advance(Duration.ofMinutes(1));
        Http.Response after = http.post(DETAIL, ONE);

        assertThat(error(over, 429)).startsWith("Daily record quota exhausted");
        assertThat(over.header("Retry-After")).isEqualTo("60");
        assertThat(info.get("recordsPerDay").asLong()).isEqualTo(3);
        assertThat(info.get("recordsUsedToday").asLong()).isEqualTo(3);
        assertThat(info.get("resetsAt").asText()).isEqualTo("2026-12-02T00:00:00.000Z");
        assertThat(after.status()).isEqualTo(200);
        assertThat(sandbox.stats().quotaExhaustedTotal()).isEqualTo(1);
    }

    @Test
    void faults_applyToV2() {
        sandbox.setFaults(FaultSettings.none().withFailNext(1, 503));

        Http.Response failed = http.post(DETAIL, ONE);
        Http.Response next = http.post(DETAIL, ONE);
        sandbox.setFaults(FaultSettings.none().withOutageSeconds(30));
        Http.Response outage = http.post("/v2/PropertySearch", "{\"zip\":\"00501\"}");

        assertThat(error(failed, 503)).contains("fail_next");
        assertThat(next.status()).isEqualTo(200);
        assertThat(error(outage, 503)).contains("outage");
        assertThat(outage.header("Retry-After")).isEqualTo("30");
        assertThat(sandbox.stats().faults("fail_next")).isEqualTo(1);
        assertThat(sandbox.stats().faults("outage")).isEqualTo(1);
    }

    @Test
    void billing_countsV2RequestsAndRecordsPerEndpointAndVersion() {
        http.get("/v1/properties/P000000007");
        ok(http.post("/v2/PropertyDetailBulk", "{\"ids\":[1,2,3,999999]}"));
        ok(http.post(DETAIL, "{\"id\":999999}"));
        ok(http.post("/v2/PropertyAvmBulk", "{\"properties\":[{\"id\":1},{\"id\":999999}]}"));
        error(http.post("/v2/PropertySearch", "{}"), 400);

        StatsSnapshot s = sandbox.stats();
        JsonNode json = control.get("/_sandbox/stats").json();

        assertThat(s.requestsTotal()).isEqualTo(5);
        assertThat(s.recordsTotal()).isEqualTo(1 + 3 + 0 + 1);
        assertThat(s.records("v2.PropertyDetailBulk")).isEqualTo(3);
        assertThat(s.requests("v2.PropertyDetail")).isEqualTo(1);
        assertThat(s.records("v2.PropertyDetail")).isZero();
        assertThat(s.requests("v2.PropertySearch")).isEqualTo(1);
        assertThat(json.at("/requests_by_version/v1").asLong()).isEqualTo(1);
        assertThat(json.at("/requests_by_version/v2").asLong()).isEqualTo(4);
        assertThat(json.at("/records_by_version/v2").asLong()).isEqualTo(4);
    }
}
