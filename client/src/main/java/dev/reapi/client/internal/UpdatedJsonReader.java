package dev.reapi.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.UpdatedJsonPage;
import dev.reapi.client.model.UpdatedPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a page of the updated feed in one pass with a streaming parser: each element of {@code
 * properties} is decoded by {@link PropertyReader} (by the mapper when it is outside the shape that
 * reader takes) and its bytes are kept as sent. Members other than {@code properties} and {@code
 * next_cursor} are skipped, as the mapper skips unknown members. Stateless.
 */
final class UpdatedJsonReader {

    private UpdatedJsonReader() {}

    /** The page in {@code body}, decoded by {@code mapper}, with each property's JSON. */
    static UpdatedJsonPage read(ObjectMapper mapper, byte[] body) throws IOException {
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the body is not a JSON object");
            }
            List<Property> properties = null;
            List<String> json = null;
            String nextCursor = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "properties" -> {
                        properties = value == JsonToken.VALUE_NULL ? null : new ArrayList<>();
                        json = value == JsonToken.VALUE_NULL ? null : new ArrayList<>();
                        if (properties != null && json != null) {
                            readProperties(mapper, parser, body, properties, json);
                        }
                    }
                    case "next_cursor" -> nextCursor = mapper.readValue(parser, String.class);
                    default -> parser.skipChildren();
                }
            }
            return page(properties, json, nextCursor);
        } catch (IOException | RuntimeException e) {
            throw new IOException("UpdatedPage expected: " + e.getMessage(), e);
        }
    }

    /** Reads the array at the parser's current token, one property and its bytes at a time. */
    private static void readProperties(
            ObjectMapper mapper,
            JsonParser parser,
            byte[] body,
            List<Property> properties,
            List<String> json)
            throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new IOException("properties must be an array");
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            long offset = parser.currentTokenLocation().getByteOffset();
            if (offset < 0) {
                // The parser gives byte offsets for UTF-8 only, which RFC 8259 requires anyway.
                throw new IOException("the body is not UTF-8");
            }
            int start = Math.toIntExact(offset);
            Property read = PropertyReader.read(parser);
            int end = Math.toIntExact(parser.currentLocation().getByteOffset());
            properties.add(
                    read != null
                            ? read
                            : mapper.readValue(body, start, end - start, Property.class));
            json.add(new String(body, start, end - start, StandardCharsets.UTF_8));
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
            throw new IOException("properties must hold objects, found " + parser.currentToken());
        }
    }

    private static UpdatedJsonPage page(
            @Nullable List<Property> properties,
            @Nullable List<String> json,
            @Nullable String nextCursor) {
        if (properties == null || json == null) {
            throw new IllegalArgumentException("properties must not be null");
        }
        return new UpdatedJsonPage(new UpdatedPage(properties, nextCursor), json);
    }
}
