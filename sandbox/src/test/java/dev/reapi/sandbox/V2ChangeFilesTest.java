package dev.reapi.sandbox;

import static dev.reapi.sandbox.V2Envelopes.error;
import static dev.reapi.sandbox.V2Envelopes.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ChangeFiles: daily CSVs from the market, served from signed links that expire in an hour. */
class V2ChangeFilesTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T12:00:00Z"));
    private Sandbox sandbox;
    private Http http;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withProperties(20_000).withClock(clock));
        http = new Http(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private JsonNode files(String date) {
        return ok(http.post("/v2/ChangeFiles", "{\"file_date\":\"" + date + "\"}")).get("data");
    }

    @Test
    void changeFiles_dayOfMarketChanges_linksServeTheChangesThenExpire() {
        List<MarketChange> changes = sandbox.tick(5);
        clock.set(Instant.parse("2026-12-02T01:00:00Z"));

        JsonNode data = files("2026-12-01");
        JsonNode modify = data.get("files").get(1);
        Http.Response csv = Http.getUrl(modify.get("downloadUrl").asText());
        Http.Response empty = Http.getUrl(data.get("files").get(0).get("downloadUrl").asText());
        clock.advance(Duration.ofMinutes(61));
        Http.Response expired = Http.getUrl(modify.get("downloadUrl").asText());

        assertThat(data.get("success").asBoolean()).isTrue();
        assertThat(data.get("fileCount").asInt()).isEqualTo(3);
        assertThat(data.get("files"))
                .extracting(f -> f.get("filename").asText())
                .containsExactly("20261201_new.csv", "20261201_modify.csv", "20261201_delete.csv");
        assertThat(data.at("/summary/modified").asInt()).isEqualTo(5);
        assertThat(modify.get("expiresAt").asText()).isEqualTo("2026-12-02T02:00:00.000Z");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().getBytes(StandardCharsets.UTF_8).length)
                .isEqualTo(modify.get("size").asInt());
        List<String> lines = Arrays.asList(csv.body().split("\n"));
        assertThat(lines.get(0)).isEqualTo("id,lastUpdateDate");
        assertThat(lines.subList(1, lines.size()))
                .extracting(
                        l ->
                                "P"
                                        + String.format(
                                                "%09d",
                                                Long.parseLong(l.substring(0, l.indexOf(',')))))
                .containsExactlyInAnyOrderElementsOf(
                        changes.stream().map(MarketChange::propertyId).toList());
        assertThat(empty.body()).isEqualTo("id,lastUpdateDate\n");
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.body()).contains("<Code>AccessDenied</Code>", "Request has expired");
    }

    @Test
    void changeFiles_pastDay_listsTheOriginalUpdatesOfThatDay() {
        JsonNode data = files("2026-11-15");
        Http.Response csv = Http.getUrl(data.get("files").get(1).get("downloadUrl").asText());

        List<String> rows =
                Arrays.asList(csv.body().split("\n")).subList(1, csv.body().split("\n").length);

        assertThat(rows).hasSize(data.at("/summary/modified").asInt()).isNotEmpty();
        assertThat(rows).allSatisfy(r -> assertThat(r).contains(",2026-11-15T"));
    }

    @Test
    void changeFiles_todayOrFuture_isSuccessFalseWithAReason() {
        for (String date : List.of("2026-12-01", "2027-01-01", "2020-01-01")) {
            JsonNode data = files(date);

            assertThat(data.get("success").asBoolean()).isFalse();
            assertThat(data.get("reason").asText()).contains(date);
        }
    }

    @Test
    void changeFiles_badDate_is400() {
        assertThat(error(http.post("/v2/ChangeFiles", "{\"file_date\":\"01/15/2026\"}"), 400))
                .startsWith("file_date:");
        assertThat(error(http.post("/v2/ChangeFiles", "{\"file_date\":\"2026-02-30\"}"), 400))
                .startsWith("file_date:");
        assertThat(error(http.post("/v2/ChangeFiles", "{}"), 400)).startsWith("file_date:");
    }

    @Test
    void download_tamperedOrUnsigned_is403() {
        String url = files("2026-11-30").get("files").get(1).get("downloadUrl").asText();

        Http.Response tampered = Http.getUrl(url.replace("_modify", "_delete"));
        Http.Response unsigned = Http.getUrl(url.substring(0, url.indexOf('?')));

        assertThat(tampered.status()).isEqualTo(403);
        assertThat(tampered.body()).contains("SignatureDoesNotMatch");
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(unsigned.body()).contains("AccessDenied");
        assertThat(sandbox.stats().records("v2.ChangeFiles")).isZero();
    }
}
