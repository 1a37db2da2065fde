package dev.reapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and broken requests get a 4xx problem naming the field, never a 5xx. */
class HostileInputTest {
    private static Sandbox sandbox;
    private static Http http;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withProperties(10_000));
        http = new Http(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static Stream<Arguments> bodies() {
        String s = "/v1/properties/search";
        String b = "/v1/properties/bulk";
        return Stream.of(
                Arguments.of(s, "", "body"),
                Arguments.of(s, "{", "body"),
                Arguments.of(s, "[]", "body"),
                Arguments.of(s, "null", "body"),
                Arguments.of(s, "\"text\"", "body"),
                Arguments.of(s, "{} {}", "body"),
                Arguments.of(s, "{\"location\":{\"zip\":\"1\"},\"location\":{}}", "body"),
                Arguments.of(s, "{\"location\":{\"zip\":\"12345\"},\"extra\":1}", "extra"),
                Arguments.of(s, "{\"location\":{\"zip\":12345}}", "location.zip"),
                Arguments.of(s, "{\"location\":{\"zip\":\"1234\"}}", "location.zip"),
                Arguments.of(s, "{\"location\":{\"city\":\"Austin\"}}", "location.state"),
                Arguments.of(
                        s,
                        "{\"location\":{\"city\":\"Austin\",\"state\":\"Texas\"}}",
                        "location.state"),
                Arguments.of(
                        s, "{\"location\":{\"zip\":\"12345\",\"radius_miles\":2}}", "location"),
                Arguments.of(
                        s,
                        "{\"location\":{\"coordinates\":{\"lat\":99,\"lng\":0},"
                                + "\"radius_miles\":1}}",
                        "location.coordinates.lat"),
                Arguments.of(
                        s,
                        "{\"location\":{\"coordinates\":{\"lat\":1,\"lng\":0},"
                                + "\"radius_miles\":0}}",
                        "location.radius_miles"),
                Arguments.of(
                        s,
                        "{\"location\":{\"coordinates\":{\"lat\":1,\"lng\":0,\"z\":1},"
                                + "\"radius_miles\":1}}",
                        "location.coordinates.z"),
                Arguments.of(
                        s,
                        "{\"location\":{\"zip\":\"12345\"},\"filters\":{\"price_min\":5,"
                                + "\"price_max\":1}}",
                        "filters.price_max"),
                Arguments.of(
                        s,
                        "{\"location\":{\"zip\":\"12345\"},\"filters\":{\"beds_min\":1.5}}",
                        "filters.beds_min"),
                Arguments.of(
                        s,
                        "{\"location\":{\"zip\":\"12345\"},\"filters\":{\"price_min\":" + "1e400}}",
                        "filters.price_min"),
                Arguments.of(
                        s,
                        "{\"location\":{\"zip\":\"12345\"},\"filters\":{\"statuses\":"
                                + "[\"active\",\"active\"]}}",
                        "filters.statuses[1]"),
                Arguments.of(
                        s,
                        "{\"location\":{\"zip\":\"12345\"},\"filters\":{\"property_types\":"
                                + "[\"castle\"]}}",
                        "filters.property_types[0]"),
                Arguments.of(
                        s,
                        "{\"location\":{\"zip\":\"12345\"},\"sort\":{\"field\":\"color\"}}",
                        "sort.field"),
                Arguments.of(
                        s,
                        "{\"location\":{\"zip\":\"12345\"},\"sort\":{\"field\":\"id\","
                                + "\"order\":\"up\"}}",
                        "sort.order"),
                Arguments.of(
                        s,
                        "{\"location\":{\"zip\":\"12345\"},\"pagination\":{\"limit\":251}}",
                        "pagination.limit"),
                Arguments.of(
                        s,
                        "{\"location\":{\"zip\":\"12345\"},\"pagination\":{\"cursor\":"
                                + "\"!!!\"}}",
                        "pagination.cursor"),
                Arguments.of(b, "{\"ids\":\"P000000001\"}", "ids"),
                Arguments.of(b, "{\"ids\":[null]}", "ids[0]"),
                Arguments.of(b, "{\"ids\":[\"../etc/passwd\"]}", "ids[0]"),
                Arguments.of(b, "{\"ids\":[\"" + "P".repeat(65) + "\"]}", "ids[0]"),
                Arguments.of(b, "{\"ids\":[" + "\"P000000001\",".repeat(1000) + "\"P1\"]}", "ids"));
    }

    @ParameterizedTest(name = "{index}: {2}")
    @MethodSource("bodies")
    void post_hostileBody_answers400NamingTheField(String path, String body, String field) {
        Http.Response r = http.post(path, body);

        ContractTest.assertProblem(r, 400);
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(r.body()).doesNotContain("com.fasterxml", "Exception", "at [Source");
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("/v1/properties/updated?since=yesterday", "since"),
                Arguments.of("/v1/properties/updated?since=2026-01-01T00:00:00Z&limit=0", "limit"),
                Arguments.of("/v1/properties/updated?since=2026-01-01T00:00:00Z&limit=x", "limit"),
                Arguments.of(
                        "/v1/properties/updated?since=2026-01-01T00:00:00Z&cursor=zz", "cursor"),
                Arguments.of("/v1/properties/updated?since=2026-01-01T00:00:00Z&since=x", "since"),
                Arguments.of("/v1/properties/updated?since=2026-01-01T00:00:00Z&debug=1", "debug"),
                Arguments.of("/v1/demographics?lat=NaN&lng=1", "lat"),
                Arguments.of("/v1/demographics?lat=0x10&lng=1", "lat"),
                Arguments.of("/v1/demographics?lat=1", "lng"),
                Arguments.of("/v1/schools/nearby?lat=1&lng=1&radius_miles=26", "radius_miles"),
                Arguments.of("/v1/valuation?address=abc", "address"),
                Arguments.of("/v1/valuation?address=" + Http.q("no commas here 12345"), "address"),
                Arguments.of("/v1/properties/" + "A".repeat(65), "id"),
                Arguments.of("/v1/properties/%27%20OR%201=1", "id"));
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("queries")
    void get_hostileQuery_answers400NamingTheParameter(String path, String field) {
        Http.Response r = http.get(path);

        ContractTest.assertProblem(r, 400);
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo(field);
    }

    @Test
    void post_bodyOverOneMebibyte_answers413() {
        String huge = "{\"ids\":[\"" + "P".repeat(1_100_000) + "\"]}";

        Http.Response r = http.post("/v1/properties/bulk", huge);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"/v1/properties/%zz", "/v1/properties/%00", "/v1/properties/a%2F..%2Fb"})
    void rawRequest_malformedUri_answersProblemNot5xx(String target) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port())) {
            socket.getOutputStream()
                    .write(
                            ("GET "
                                            + target
                                            + " HTTP/1.1\r\nHost: x\r\n"
                                            + "X-API-Key: sandbox\r\nConnection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            String answer =
                    new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 4");
            assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
        }
    }

    @Test
    void unknownRouteAndMethod_answerProblems() {
        assertThat(http.get("/v1/nothing").status()).isEqualTo(404);
        assertThat(http.get("/v1/nothing").contentType()).startsWith("application/problem+json");
        assertThat(http.delete("/v1/properties/P000000001").status()).isBetween(404, 405);
    }
}
