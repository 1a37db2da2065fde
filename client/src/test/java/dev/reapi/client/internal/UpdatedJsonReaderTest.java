package dev.reapi.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.model.ModelJson;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.UpdatedJsonPage;
import dev.reapi.client.model.UpdatedPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UpdatedJsonReaderTest {

    private static final String FIRST =
            """
            {"id":"P000000001","address":{"street":"1 Öak St","city":"Zürich",
            "state":"IL","zip":"62704","formatted":"1 Öak St, Zürich, IL 62704"},
            "coordinates":{"lat":39.78,"lng":-89.65},"property_type":"condo",
            "status":"off_market","price":250000,"beds":2,"baths":1.5,
            "living_area_sqft":900,"lot_size_sqft":0,"year_built":1999,
            "listing_date":null,"days_on_market":null,"last_sale":null,
            "tax_assessment":{"year":2025,"assessed_value":210000,"tax_amount":4000},
            "updated_at":"2026-11-30T08:15:00Z","unknown_member":{"nested":["a"]}}\
            """
                    .replace("\n", "");

    private static final String SECOND =
            """
            { "id" : "P000000002", "address":{"street":"2 Elm St","city":"Springfield",
            "state":"IL","zip":"62704","formatted":"2 Elm St, Springfield, IL 62704"},
            "coordinates":{"lat":39.7,"lng":-89.6},"property_type":"single_family",
            "status":"active","price":410000,"beds":3,"baths":2,
            "living_area_sqft":1800,"lot_size_sqft":5000,"year_built":1975,
            "listing_date":"2026-11-01","days_on_market":29,
            "updated_at":"2026-11-30T08:16:00Z" }\
            """
                    .replace("\n", " ");

    private final ObjectMapper mapper = ModelJson.newMapper();

    @Test
    void read_pageWithUnknownMembersAndNonAscii_keepsEachPropertysBytesAndDecodesAsTheMapper()
            throws Exception {
        String body =
                "{\"total\":2,\"properties\":[ "
                        + FIRST
                        + " ,\n"
                        + SECOND
                        + "],"
                        + "\"next_cursor\":\"c2\",\"extra\":[1,{\"a\":2}]}";

        UpdatedJsonPage page = read(body);

        assertThat(page.page()).isEqualTo(mapper.readValue(body, UpdatedPage.class));
        assertThat(page.propertyJson()).containsExactly(FIRST, SECOND);
        assertThat(mapper.readValue(page.propertyJson().get(1), Property.class))
                .isEqualTo(page.page().properties().get(1));
    }

    @Test
    void read_lastPageWithoutCursor_hasNoNext() throws Exception {
        UpdatedJsonPage page = read("{\"properties\":[],\"next_cursor\":null}");

        assertThat(page.page().hasMore()).isFalse();
        assertThat(page.propertyJson()).isEmpty();
    }

    @Test
    void read_propertiesMissingOrNullOrNotObjects_isRejected() {
        for (String body :
                new String[] {
                    "{\"next_cursor\":\"c2\"}",
                    "{\"properties\":null}",
                    "{\"properties\":[null]}",
                    "{\"properties\":{}}",
                    "[]"
                }) {
            assertThatThrownBy(() -> read(body))
                    .as(body)
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("UpdatedPage expected: ");
        }
    }

    @Test
    void read_utf16Body_isRejectedAsNotUtf8() {
        byte[] body = ("{\"properties\":[" + SECOND + "]}").getBytes(StandardCharsets.UTF_16BE);

        assertThatThrownBy(() -> UpdatedJsonReader.read(mapper, body))
                .isInstanceOf(IOException.class)
                .hasMessage("UpdatedPage expected: the body is not UTF-8");
    }

    @Test
    void read_invalidProperty_isRejectedWithTheMappersReason() {
        String body = "{\"properties\":[" + FIRST.replace("\"condo\"", "\"castle\"") + "]}";

        assertThatThrownBy(() -> read(body))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("property_type must be one of");
    }

    private UpdatedJsonPage read(String body) throws IOException {
        return UpdatedJsonReader.read(mapper, body.getBytes(StandardCharsets.UTF_8));
    }
}
