package dev.reapi.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.model.ModelJson;
import dev.reapi.client.model.Property;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PropertyReaderTest {

    private static final String USUAL =
            """
            {"id":"P000000001","address":{"street":"1 Oak St","city":"Springfield",
            "state":"IL","zip":"62704","formatted":"1 Oak St, Springfield, IL 62704"},
            "coordinates":{"lat":39.78,"lng":-89},"property_type":"condo",
            "status":"active","price":250000,"beds":2,"baths":1.5,
            "living_area_sqft":900,"lot_size_sqft":0,"year_built":1999,
            "listing_date":"2026-11-02","days_on_market":28,
            "last_sale":{"date":"2020-05-01","price":200000},
            "tax_assessment":{"year":2025,"assessed_value":210000,"tax_amount":4000},
            "updated_at":"2026-11-30T08:15:00Z"}\
            """
                    .replace("\n", "");

    private final ObjectMapper mapper = ModelJson.newMapper();

    @Test
    void read_usualShapes_readsWhatTheMapperReadsWithoutFallingBack() throws Exception {
        List<String> usual =
                List.of(
                        USUAL,
                        USUAL.replace("\"listing_date\":\"2026-11-02\",\"days_on_market\":28,", "")
                                .replace("\"last_sale\":{\"date\":\"2020-05-01\",", "\"x\":{")
                                .replace("\"price\":200000},", "\"price\":1},"),
                        USUAL.replace("\"2026-11-02\"", "null")
                                .replace(":28,", ":null,")
                                .replace("{\"date\":\"2020-05-01\",\"price\":200000}", "null"),
                        USUAL.replace("\"zip\":", "\"county\":null,\"extra\":[1,{}],\"zip\":")
                                .replace("\"id\":", "\"unknown\":{\"a\":[null]},\"id\":"));

        for (String json : usual) {
            Property fast = fast(json);

            assertThat(fast).as(json).isNotNull().isEqualTo(mapper.readValue(json, Property.class));
        }
    }

    @Test
    void read_unusualShapes_fallsBackToTheMappersResultOrError() throws Exception {
        List<String> unusual =
                List.of(
                        USUAL.replace("\"price\":250000", "\"price\":\"250000\""),
                        USUAL.replace("\"price\":250000", "\"price\":250000.0"),
                        USUAL.replace("\"price\":250000", "\"price\":null"),
                        USUAL.replace("\"price\":250000,", ""),
                        USUAL.replace("\"beds\":2", "\"beds\":2,\"beds\":3"),
                        USUAL.replace("\"beds\":2", "\"beds\":99999999999"),
                        USUAL.replace("\"beds\":2", "\"beds\":-1"),
                        USUAL.replace("\"price\":250000", "\"price\":99999999999999999999999"),
                        USUAL.replace("08:15:00Z", "08:15:00.250Z"),
                        USUAL.replace("08:15:00Z", "08:15:00+00:00"),
                        USUAL.replace("08:15:00Z", "23:59:60Z"),
                        USUAL.replace("2026-11-30T", "2026-02-30T"),
                        USUAL.replace("\"2026-11-02\"", "\"2026-11-02T00:00:00\""),
                        USUAL.replace("\"2026-11-02\"", "\"\""),
                        USUAL.replace("\"condo\"", "\"castle\""),
                        USUAL.replace("\"city\":\"Springfield\"", "\"city\":null"),
                        USUAL.replace("\"lat\":39.78", "\"lat\":\"39.78\""),
                        USUAL.replace("\"lat\":39.78", "\"lat\":139.78"),
                        USUAL.replace("\"coordinates\":{", "\"coordinates\":{\"lat\":1,"),
                        USUAL.replace("\"tax_assessment\":{", "\"tax_assessment\":{\"year\":[],"),
                        USUAL.replace("\"id\":\"P000000001\"", "\"id\":7"));

        for (String json : unusual) {
            assertThat(fast(json)).as(json).isNull();
            assertSameAsMapper(json);
        }
    }

    @Test
    void read_malformedJson_isRejected() {
        String json = USUAL.replace("\"beds\":2", "\"beds\":2 \"x\"");

        assertThatThrownBy(() -> fast(json)).isInstanceOf(IOException.class);
    }

    /** The fast read of {@code json} on its own, null when it is left to the mapper. */
    private @Nullable Property fast(String json) throws IOException {
        try (JsonParser parser = mapper.createParser(json.getBytes(StandardCharsets.UTF_8))) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            Property read = PropertyReader.read(parser);
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(parser.nextToken()).isNull();
            return read;
        }
    }

    /** A page holding {@code json} reads to the mapper's property, or fails where it fails. */
    private void assertSameAsMapper(String json) throws IOException {
        byte[] page =
                ("{\"properties\":[" + json + "," + USUAL + "]}").getBytes(StandardCharsets.UTF_8);
        Property expected;
        try {
            expected = mapper.readValue(json, Property.class);
        } catch (JsonProcessingException e) {
            assertThatThrownBy(() -> UpdatedJsonReader.read(mapper, page))
                    .as(json)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(firstLine(e.getOriginalMessage()));
            return;
        }
        assertThat(UpdatedJsonReader.read(mapper, page).page().properties())
                .as(json)
                .containsExactly(expected, mapper.readValue(USUAL, Property.class));
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
