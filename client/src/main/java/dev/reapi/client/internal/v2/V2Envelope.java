package dev.reapi.client.internal.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.internal.ResponseReader;
import java.io.IOException;
import java.util.Optional;

/**
 * A v2 answer: {@code {statusCode, statusMessage, resultCount, resultIndex, recordCount, data}}.
 *
 * @param root the whole envelope
 * @param data its {@code data} member
 */
record V2Envelope(JsonNode root, JsonNode data) {

    /** Decodes the payload of a successful envelope. */
    @FunctionalInterface
    interface Payload<T> {
        T read(V2Envelope envelope) throws IOException;
    }

    /** {@code resultCount}, or {@code fallback} when absent. */
    long resultCount(long fallback) {
        JsonNode count = root.path("resultCount");
        return count.isNumber() ? count.longValue() : fallback;
    }

    /** {@code resultIndex}, or {@code fallback} when absent. */
    long resultIndex(long fallback) {
        JsonNode index = root.path("resultIndex");
        return index.isNumber() ? index.longValue() : fallback;
    }

    /**
     * A reader of 2xx answers that unwraps the envelope and turns an error hidden in it (a {@code
     * statusCode} of 400 or more, or {@code data.error: true}) into the same typed exception as a
     * real error status, before {@code payload} sees the data.
     */
    static <T> ResponseReader<T> reader(ObjectMapper mapper, V2Errors errors, Payload<T> payload) {
        return (operation, requestId, status, body) -> {
            JsonNode root = mapper.readTree(body);
            if (root == null || !root.isObject()) {
                throw new IOException("not a v2 envelope (expected a JSON object)");
            }
            int envelopeStatus = root.path("statusCode").asInt(status);
            if (envelopeStatus >= 400) {
                throw errors.fromEnvelope(
                        operation, requestId, envelopeStatus, root, Optional.empty());
            }
            JsonNode data = root.get("data");
            if (data == null || data.isNull()) {
                throw new IOException("the v2 envelope has no data member");
            }
            if (data.isObject() && data.path("error").asBoolean(false)) {
                throw V2Errors.inside200(
                        operation, requestId, data.path("errorMessage").asText(""));
            }
            return payload.read(new V2Envelope(root, data));
        };
    }
}
