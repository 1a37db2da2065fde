package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads request bodies as JSON trees within a size and nesting limit. Thread-safe.
 *
 * <p>Bodies are read by hand rather than through the server's own limit so that chunked bodies
 * without a {@code Content-Length} are bounded too.
 */
final class JsonBodies {

    private final ObjectMapper mapper;
    private final long maxBytes;

    JsonBodies(long maxBytes, int maxDepth) {
        this.maxBytes = maxBytes;
        this.mapper = mapper(maxDepth);
    }

    /** The mapper the gateway writes and reads JSON with; strict on duplicates and depth. */
    static ObjectMapper mapper(int maxDepth) {
        JsonFactory factory =
                JsonFactory.builder()
                        .streamReadConstraints(
                                StreamReadConstraints.builder()
                                        .maxNestingDepth(maxDepth)
                                        .maxNumberLength(100)
                                        .maxStringLength(1_000_000)
                                        .build())
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(
                        com.fasterxml.jackson.databind.SerializationFeature
                                .WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** The body as a JSON object; as {@link #read}, and a 400 problem when it is not an object. */
    JsonNode readObject(Context ctx) {
        JsonNode body = read(ctx);
        if (!body.isObject()) {
            throw ProblemException.invalid(
                    "$", "expected a JSON object, was " + SearchValidator.kind(body));
        }
        return body;
    }

    /**
     * The body as a JSON tree; 413, 415 or 400 problems when it is too big, not JSON or malformed.
     */
    JsonNode read(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw ProblemException.of(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "the body must be application/json, was "
                            + (contentType == null ? "absent" : "'" + contentType + "'"));
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        byte[] body = readBounded(ctx);
        if (body.length == 0) {
            throw ProblemException.of(
                    ProblemType.MALFORMED_JSON, "the body is empty; expected a JSON object");
        }
        try (JsonParser parser = mapper.createParser(body)) {
            JsonNode node = mapper.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw ProblemException.of(
                        ProblemType.MALFORMED_JSON, "the body is empty; expected a JSON object");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw ProblemException.of(
                    ProblemType.MALFORMED_JSON,
                    "the body exceeds a JSON limit: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ProblemException.of(
                    ProblemType.MALFORMED_JSON,
                    "the body is not valid JSON: "
                            + firstLine(
                                    e
                                                    instanceof
                                                    com.fasterxml.jackson.core
                                                                    .JsonProcessingException
                                                            jpe
                                            ? jpe.getOriginalMessage()
                                            : e.getMessage()));
        }
    }

    private byte[] readBounded(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw ProblemException.of(
                    ProblemType.MALFORMED_JSON, "the body could not be read completely");
        }
    }

    private ProblemException tooLarge() {
        return ProblemException.of(
                ProblemType.PAYLOAD_TOO_LARGE,
                "the body exceeds the limit of " + maxBytes + " bytes");
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
