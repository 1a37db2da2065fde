package dev.reapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operation's answers, success and error, validated against the YAML's schemas. */
class ContractTest {
    private static Sandbox sandbox;
    private static Http http;

    @BeforeAll
    static void start() {
        TestClock clock = new TestClock(Instant.parse("2026-12-01T12:00:00Z"));
        sandbox = Sandbox.start(SandboxOptions.defaults().withClock(clock));
        http = new Http(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void clearFaults() {
        sandbox.resetFaults();
    }

    static Stream<Arguments> successes() {
        return Stream.of(
                Arguments.of("GET", "/v1/properties/P000000042", "", "Property"),
                Arguments.of(
                        "POST",
                        "/v1/properties/bulk",
                        "{\"ids\":[\"P000000001\",\"P000000001\",\"P999999999\",\"nope\"]}",
                        "BulkResponse"),
                Arguments.of(
                        "POST",
                        "/v1/properties/search",
                        "{\"location\":{\"city\":\"Austin\",\"state\":\"tx\"},"
                                + "\"sort\":{\"field\":\"price\",\"order\":\"desc\"},"
                                + "\"pagination\":{\"limit\":5}}",
                        "SearchResponse"),
                Arguments.of(
                        "POST",
                        "/v1/properties/search",
                        "{\"location\":{\"zip\":\"10001\"}}",
                        "SearchResponse"),
                Arguments.of(
                        "POST",
                        "/v1/properties/search",
                        "{\"location\":{\"coordinates\":{\"lat\":37.77,\"lng\":-122.42},"
                                + "\"radius_miles\":3},\"filters\":{\"price_min\":100000,"
                                + "\"beds_min\":2,\"baths_min\":1.5,\"statuses\":[\"active\","
                                + "\"pending\"],\"property_types\":[\"single_family\",\"condo\"],"
                                + "\"year_built_min\":1900,\"year_built_max\":2025}}",
                        "SearchResponse"),
                Arguments.of(
                        "GET",
                        "/v1/properties/updated?since=2026-11-01T00:00:00Z&limit=20",
                        "",
                        "UpdatedResponse"),
                Arguments.of("GET", "/v1/properties/P000000042/valuation", "", "Valuation"),
                Arguments.of("GET", "/v1/demographics?lat=30.27&lng=-97.74", "", "Demographics"),
                Arguments.of(
                        "GET",
                        "/v1/schools/nearby?lat=30.27&lng=-97.74&radius_miles=5",
                        "",
                        "SchoolsResponse"),
                Arguments.of("GET", "/v1/health", "", "Health"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("successes")
    void operation_validRequest_answersContractShape(
            String method, String path, String body, String schema) {
        Http.Response r = method.equals("GET") ? http.get(path) : http.post(path, body);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(Contract.errors(schema, r.json())).as(r.body()).isEmpty();
    }

    @Test
    void contract_documentBreakingTheSchema_isReported() throws Exception {
        JsonNode property = http.get("/v1/properties/P000000042").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) property).put("status", "gone");
        ((com.fasterxml.jackson.databind.node.ObjectNode) property).put("updated_at", "yesterday");

        assertThat(Contract.errors("Property", property)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Contract.errors("Problem", Http.JSON.readTree("{\"title\":\"x\"}")))
                .isNotEmpty();
    }

    @Test
    void valuationByAddress_formattedAddressOfAProperty_findsIt() {
        String formatted =
                http.get("/v1/properties/P000012345").json().at("/address/formatted").asText();

        Http.Response r =
                http.get(
                        "/v1/valuation?address="
                                + Http.q(
                                        "  " + formatted.toUpperCase(java.util.Locale.ROOT) + " "));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(Contract.errors("Valuation", r.json())).isEmpty();
        assertThat(r.json().get("property_id").asText()).isEqualTo("P000012345");
    }

    @Test
    void search_nextCursor_continuesWithoutOverlap() {
        String query =
                "{\"location\":{\"city\":\"Houston\",\"state\":\"TX\"},"
                        + "\"sort\":{\"field\":\"beds\"},\"pagination\":{\"limit\":7%s}}";
        JsonNode first = http.post("/v1/properties/search", String.format(query, "")).json();
        String cursor = first.get("next_cursor").asText();

        JsonNode second =
                http.post(
                                "/v1/properties/search",
                                String.format(query, ",\"cursor\":\"" + cursor + "\""))
                        .json();

        assertThat(Contract.errors("SearchResponse", second)).isEmpty();
        assertThat(second.get("total").asInt()).isEqualTo(first.get("total").asInt());
        JsonNode lastOfFirst = first.get("properties").get(6);
        JsonNode firstOfSecond = second.get("properties").get(0);
        assertThat(firstOfSecond.get("beds").asInt())
                .isGreaterThanOrEqualTo(lastOfFirst.get("beds").asInt());
        assertThat(firstOfSecond.get("id").asText()).isNotEqualTo(lastOfFirst.get("id").asText());
    }

    @Test
    void search_cursorOfAnotherQuery_isRejected() {
        JsonNode first =
                http.post(
                                "/v1/properties/search",
                                "{\"location\":{\"zip\":\"77002\"},\"pagination\":{\"limit\":1}}")
                        .json();
        String cursor = first.get("next_cursor").asText();

        Http.Response r =
                http.post(
                        "/v1/properties/search",
                        "{\"location\":{\"zip\":\"77003\"},\"pagination\":{\"cursor\":\""
                                + cursor
                                + "\"}}");

        assertProblem(r, 400);
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("pagination.cursor");
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("GET", "/v1/properties/P000000001", "", "", 401),
                Arguments.of("GET", "/v1/properties/P000000001", "", "wrong", 401),
                Arguments.of("GET", "/v1/properties/bad$id", "", "sandbox", 400),
                Arguments.of("GET", "/v1/properties/P999999999", "", "sandbox", 404),
                Arguments.of("GET", "/v1/properties/P999999999/valuation", "", "sandbox", 404),
                Arguments.of(
                        "GET",
                        "/v1/valuation?address=" + Http.q("1 Nowhere Rd, Austin, TX 78701"),
                        "",
                        "sandbox",
                        404),
                Arguments.of("GET", "/v1/demographics?lat=0&lng=0", "", "sandbox", 404),
                Arguments.of("GET", "/v1/demographics?lat=91&lng=0", "", "sandbox", 400),
                Arguments.of("GET", "/v1/properties/updated", "", "sandbox", 400),
                Arguments.of("POST", "/v1/properties/search", "{\"location\":{}}", "sandbox", 400),
                Arguments.of("POST", "/v1/properties/bulk", "{\"ids\":[]}", "sandbox", 400));
    }

    @ParameterizedTest(name = "{0} {1} key={3}")
    @MethodSource("failures")
    void operation_badRequest_answersProblem(
            String method, String path, String body, String key, int status) {
        Http client = http.withKey(key);

        Http.Response r = method.equals("GET") ? client.get(path) : client.post(path, body);

        assertProblem(r, status);
    }

    @Test
    void getProperty_injectedFailures_answerProblemsWithRetryAfter() {
        sandbox.setFaults(FaultSettings.none().withFailNext(3, 429));

        Http.Response r = http.get("/v1/properties/P000000001");

        assertProblem(r, 429);
        assertThat(r.header("Retry-After")).isNotNull();
        assertThat(r.json().get("limit").asText()).isEqualTo("rate");
        sandbox.setFaults(FaultSettings.none().withFailNext(1, 502));
        assertProblem(http.get("/v1/properties/P000000001"), 502);
    }

    static void assertProblem(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(Contract.errors("Problem", r.json())).as(r.body()).isEmpty();
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.header("X-Request-Id")).isNotBlank();
        if (status == 400) {
            assertThat(r.json().at("/errors/0/field").asText()).isNotBlank();
        }
    }
}
