package dev.reapi.gateway.adapter.in.http;

import static dev.reapi.gateway.adapter.in.http.EdgeHttpTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each search validation rule, and a corpus of hostile inputs that must never cause a 5xx. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationHttpTest {

    private TestServer server;
    private String key;

    @BeforeAll
    void start() {
        server = new TestServer(new FakePropertySource(), List.of());
        key = server.userKey("free");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private HttpResponse<String> search(String body) {
        return server.post("/api/properties/search", body, "X-API-Key", key);
    }

    static Stream<Arguments> invalidSearches() {
        return Stream.of(
                Arguments.of("{}", "location"),
                Arguments.of("{\"location\":{}}", "location"),
                Arguments.of("{\"location\":{\"city\":\"Austin\"}}", "location.state"),
                Arguments.of("{\"location\":{\"state\":\"TX\"}}", "location.city"),
                Arguments.of(
                        "{\"location\":{\"city\":\"Austin\",\"state\":\"Texas\"}}",
                        "location.state"),
                Arguments.of("{\"location\":{\"zip\":\"1234\"}}", "location.zip"),
                Arguments.of("{\"location\":{\"zip\":12345}}", "location.zip"),
                Arguments.of(
                        "{\"location\":{\"zip\":\"12345\",\"city\":\"A\",\"state\":\"TX\"}}",
                        "location"),
                Arguments.of(
                        "{\"location\":{\"coordinates\":{\"lat\":1,\"lng\":2}}}",
                        "location.radius_miles"),
                Arguments.of("{\"location\":{\"radius_miles\":2}}", "location.coordinates"),
                Arguments.of(
                        "{\"location\":{\"coordinates\":{\"lat\":91,\"lng\":2},\"radius_miles\":2}}",
                        "location.coordinates.lat"),
                Arguments.of(
                        "{\"location\":{\"coordinates\":{\"lat\":1,\"lng\":2},\"radius_miles\":0}}",
                        "location.radius_miles"),
                Arguments.of(
                        "{\"location\":{\"coordinates\":{\"lat\":1,\"lng\":2,\"x\":1},\"radius_miles\":1}}",
                        "location.coordinates.x"),
                Arguments.of("{\"location\":{\"zip\":\"12345\"},\"extra\":1}", "extra"),
                Arguments.of(
                        "{\"location\":{\"zip\":\"12345\"},\"filters\":{\"price_min\":5,\"price_max\":4}}",
                        "filters.price_min"),
                Arguments.of(
                        "{\"location\":{\"zip\":\"12345\"},\"filters\":{\"sqft_min\":5,\"sqft_max\":4}}",
                        "filters.sqft_min"),
                Arguments.of(
                        "{\"location\":{\"zip\":\"12345\"},\"filters\":{\"year_built_min\":2000,\"year_built_max\":1990}}",
                        "filters.year_built_min"),
                Arguments.of(
                        "{\"location\":{\"zip\":\"12345\"},\"filters\":{\"price_min\":-1}}",
                        "filters.price_min"),
                Arguments.of(
                        "{\"location\":{\"zip\":\"12345\"},\"filters\":{\"beds_min\":1.5}}",
                        "filters.beds_min"),
                Arguments.of(
                        "{\"location\":{\"zip\":\"12345\"},\"filters\":{\"price_min\":1e400}}",
                        "filters.price_min"),
                Arguments.of(
                        "{\"location\":{\"zip\":\"12345\"},\"filters\":{\"price_min\":99999999999999999999999}}",
                        "filters.price_min"),
                Arguments.of(
                        "{\"location\":{\"zip\":\"12345\"},\"filters\":{\"property_types\":[]}}",
                        "filters.property_types"),
                Arguments.of(
                        "{\"location\":{\"zip\":\"12345\"},\"filters\":{\"property_types\":[\"castle\"]}}",
                        "filters.property_types[0]"),
                Arguments.of(
                        "{\"location\":{\"zip\":\"12345\"},\"filters\":{\"statuses\":[\"active\",\"active\"]}}",
                        "filters.statuses[1]"),
                Arguments.of(
                        "{\"location\":{\"zip\":\"12345\"},\"filters\":{\"color\":\"red\"}}",
                        "filters.color"),
                Arguments.of(
                        "{\"location\":{\"zip\":\"12345\"},\"sort\":{\"order\":\"asc\"}}",
                        "sort.field"),
                Arguments.of(
                        "{\"location\":{\"zip\":\"12345\"},\"sort\":{\"field\":\"price\",\"order\":\"up\"}}",
                        "sort.order"),
                Arguments.of(
                        "{\"location\":{\"zip\":\"12345\"},\"pagination\":{\"limit\":0}}",
                        "pagination.limit"),
                Arguments.of(
                        "{\"location\":{\"zip\":\"12345\"},\"pagination\":{\"limit\":251}}",
                        "pagination.limit"),
                Arguments.of(
                        "{\"location\":{\"zip\":\"12345\"},\"pagination\":{\"cursor\":\"\"}}",
                        "pagination.cursor"),
                Arguments.of("[1,2]", "$"));
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @MethodSource("invalidSearches")
    void search_invalidBody_is400NamingTheField(String body, String field) {
        HttpResponse<String> response = search(body);

        assertProblem(response, 400, "validation");
        List<String> fields = new ArrayList<>();
        server.json(response).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains(field);
    }

    @Test
    void search_manyBadFields_listsEachOne() {
        var response =
                search(
                        "{\"location\":{\"zip\":\"1\"},\"filters\":{\"beds_min\":-1,\"baths_min\":\"x\"},"
                            + "\"pagination\":{\"limit\":1000},\"bogus\":true}");

        List<String> fields = new ArrayList<>();
        server.json(response).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "bogus",
                        "location.zip",
                        "filters.beds_min",
                        "filters.baths_min",
                        "pagination.limit");
    }

    @Test
    void search_validBody_isServed() {
        var response =
                search(
                        "{\"location\":{\"city\":\"Springfield\",\"state\":\"il\"},"
                            + "\"filters\":{\"price_min\":1,\"price_max\":900000,\"property_types\":[\"condo\"]},"
                            + "\"sort\":{\"field\":\"price\",\"order\":\"desc\"},\"pagination\":{\"limit\":10}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = server.json(response);
        assertThat(body.at("/data/total").asLong()).isEqualTo(1);
        assertThat(body.at("/data/properties/0/property_type").asText()).isEqualTo("single_family");
    }

    @Test
    void search_bodyOverLimit_is413() {
        String big =
                "{\"location\":{\"zip\":\"12345\"},\"pad\":\""
                        + "x".repeat((int) TestServer.MAX_BODY)
                        + "\"}";

        assertProblem(search(big), 413, "payload-too-large");
    }

    @Test
    void search_nestedDeeperThanLimit_is400() {
        String deep = "{\"location\":" + "[".repeat(40) + "]".repeat(40) + "}";

        assertProblem(search(deep), 400, "malformed-json");
    }

    @Test
    void search_wrongContentType_is415() {
        var response =
                server.send(
                        HttpRequest.newBuilder(server.uri("/api/properties/search"))
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString("{}")),
                        "X-API-Key",
                        key);

        assertProblem(response, 415, "unsupported-media-type");
    }

    static Stream<String> hostileBodies() {
        List<String> bodies =
                new ArrayList<>(
                        List.of(
                                "",
                                "{",
                                "nul",
                                "{\"location\":{\"zip\":\"12345\"}}{}",
                                "{\"location\":{\"zip\":\"12345\"},\"location\":{\"zip\":\"12345\"}}",
                                "{\"location\":{\"city\":\"'; DROP TABLE users;"
                                        + " --\",\"state\":\"TX\"}}",
                                "{\"location\":{\"city\":\"<script>alert(1)</script>\",\"state\":\"TX\"}}",
                                "{\"location\":{\"city\":\"${jndi:ldap://x/a}\",\"state\":\"TX\"}}",
                                "{\"location\":{\"zip\":\"\\u0000\\u0000\\u0000\\u0000\\u0000\"}}",
                                "{\"location\":{\"coordinates\":{\"lat\":\"NaN\",\"lng\":1e308},\"radius_miles\":1e-400}}",
                                "{\"location\":{\"zip\":\"12345\"},\"pagination\":{\"limit\":1"
                                        + "0".repeat(200)
                                        + "}}",
                                "{\"location\":{\"zip\":\"12345\"},\"sort\":[]}",
                                "{\"location\":null}",
                                "\"just a string\"",
                                "12345",
                                "[".repeat(5000),
                                "{\"a\":".repeat(100) + "1" + "}".repeat(100)));
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[1 + random.nextInt(200)];
            random.nextBytes(noise);
            bodies.add(new String(noise, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return bodies.stream();
    }

    @ParameterizedTest
    @MethodSource("hostileBodies")
    void search_hostileBody_is4xxProblem(String body) {
        var response = search(body);

        assertThat(response.statusCode()).as(body).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
    }

    static Stream<String> hostilePaths() {
        return Stream.of(
                "/api/properties/" + "9".repeat(65),
                "/api/properties/a%20b",
                "/api/properties/%27%3B--",
                "/api/properties/..%2F..%2Fetc%2Fpasswd",
                "/api/properties/%00",
                "/api/properties/P1/nope",
                "/api/valuations",
                "/api/valuations?address=ab",
                "/api/valuations?address=" + "x".repeat(300),
                "/api/valuations?address=1234+Oak+St&address=again",
                "/api/valuations?address=1234+Oak+St&evil=1",
                "/api/valuations?address=%00%01%02%03%04%05",
                "/api/admin/keys",
                "/api/properties/P1?x=%25zz");
    }

    @ParameterizedTest
    @MethodSource("hostilePaths")
    void get_hostilePathOrQuery_is4xxProblem(String path) {
        var response = server.get(path, "X-API-Key", key);

        assertThat(response.statusCode()).as(path).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
    }
}
