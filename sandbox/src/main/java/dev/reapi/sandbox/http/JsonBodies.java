package dev.reapi.sandbox.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads request bodies into {@link JsonNode} trees (at most 1 MiB, strict JSON, no duplicate
 * members) and offers the small checks the routes validate with. Messages are the sandbox's own,
 * never the parser's.
 */
final class JsonBodies {
    static final int MAX_BODY_BYTES = 1 << 20;
    static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .build();

    private JsonBodies() {}

    static JsonNode read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw ApiProblem.badRequest("body", "the body could not be read");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        if (body.length == 0) {
            throw ApiProblem.badRequest("body", "a JSON object is required");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiProblem.badRequest("body", "a JSON object is required");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where =
                    at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ApiProblem.badRequest("body", "malformed JSON" + where);
        } catch (IOException e) {
            throw ApiProblem.badRequest("body", "malformed JSON");
        }
    }

    private static ApiProblem tooLarge() {
        return ApiProblem.of(
                413,
                "too-large",
                "Content too large",
                "The body exceeds " + MAX_BODY_BYTES + " bytes.");
    }

    /** Rejects members of {@code node} outside {@code allowed}, naming the first unknown one. */
    static void onlyFields(JsonNode node, String path, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiProblem.badRequest(join(path, name), "unknown field");
            }
        }
    }

    static JsonNode object(JsonNode node, String path) {
        if (!node.isObject()) {
            throw ApiProblem.badRequest(path.isEmpty() ? "body" : path, "must be an object");
        }
        return node;
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A whole number within bounds (a JSON integer, or a number with no fraction). */
    static long integer(JsonNode node, String path, long min, long max) {
        if (!node.isNumber() || (!node.isIntegralNumber() && !isWhole(node))) {
            throw ApiProblem.badRequest(path, "must be an integer");
        }
        if (!node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
            throw ApiProblem.badRequest(path, "must be between " + min + " and " + max);
        }
        return node.asLong();
    }

    static double number(JsonNode node, String path, double min, double max, boolean minOpen) {
        if (!node.isNumber()) {
            throw ApiProblem.badRequest(path, "must be a number");
        }
        double v = node.asDouble();
        if (!Double.isFinite(v) || v > max || v < min || (minOpen && v == min)) {
            throw ApiProblem.badRequest(
                    path, "must be " + (minOpen ? "> " : ">= ") + min + " and <= " + max);
        }
        return v;
    }

    static String string(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw ApiProblem.badRequest(path, "must be a string");
        }
        return node.asText();
    }

    private static boolean isWhole(JsonNode node) {
        return node.isBigDecimal() && node.decimalValue().stripTrailingZeros().scale() <= 0;
    }
}
