package dev.reapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks shared by the v2 tests: the vendor's envelope around every answer. */
final class V2Envelopes {
    private V2Envelopes() {}

    /** Asserts a success envelope and returns the whole body. */
    static JsonNode ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(body.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body.get("statusMessage").asText()).isEqualTo("OK");
        assertThat(body.get("live").isBoolean()).isTrue();
        assertThat(body.get("requestExecutionTimeMS").asText()).matches("[0-9]+ms");
        assertThat(body.get("resultCount").isIntegralNumber()).isTrue();
        assertThat(body.get("recordCount").isIntegralNumber()).isTrue();
        assertThat(body.has("data")).isTrue();
        return body;
    }

    /** Asserts an error envelope with this status and returns its {@code error} text. */
    static String error(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        JsonNode body = r.json();
        assertThat(body.get("statusCode").asInt()).isEqualTo(status);
        assertThat(body.get("statusMessage").asText()).isNotBlank();
        assertThat(body.get("requestExecutionTimeMS").asText()).matches("[0-9]+ms");
        return body.path("error").asText("");
    }
}
