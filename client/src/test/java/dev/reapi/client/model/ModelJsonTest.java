package dev.reapi.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

    private final ObjectMapper mapper = ModelJson.newMapper();

    @Test
    void searchRequest_zipWithLimit_writesSnakeCaseWithoutNulls() throws Exception {
        SearchRequest request =
                SearchRequest.zip("94105")
                        .withLimit(50)
                        .withFilters(
                                Filters.builder()
                                        .price(100_000L, 900_000L)
                                        .propertyTypes(PropertyType.SINGLE_FAMILY)
                                        .build())
                        .withSort(Sort.byDescending(Sort.Field.LIVING_AREA_SQFT));

        String json = mapper.writeValueAsString(request);

        assertThat(json)
                .isEqualTo(
                        "{\"location\":{\"zip\":\"94105\"},"
                                + "\"filters\":{\"price_min\":100000,\"price_max\":900000,"
                                + "\"property_types\":[\"single_family\"]},"
                                + "\"sort\":{\"field\":\"living_area_sqft\",\"order\":\"desc\"},"
                                + "\"pagination\":{\"limit\":50}}");
    }

    @Test
    void location_eachVariant_roundTripsByDeduction() throws Exception {
        for (SearchRequest request :
                new SearchRequest[] {
                    SearchRequest.zip("94105"),
                    SearchRequest.city("Austin", "tx"),
                    SearchRequest.radius(30.1, -97.7, 2.5)
                }) {
            String json = mapper.writeValueAsString(request);

            SearchRequest back = mapper.readValue(json, SearchRequest.class);

            assertThat(back).isEqualTo(request);
        }
        assertThat(mapper.writeValueAsString(SearchRequest.radius(30.1, -97.7, 2.5)))
                .contains("\"radius_miles\":2.5")
                .contains("\"coordinates\":{\"lat\":30.1,\"lng\":-97.7}");
    }

    @Test
    void property_upstreamJson_readsEveryMember() throws Exception {
        String json =
                """
                {"id":"P000000001","address":{"street":"1 Oak St","city":"Springfield",
                "state":"IL","zip":"62704","formatted":"1 Oak St, Springfield, IL 62704"},
                "coordinates":{"lat":39.78,"lng":-89.65},"property_type":"off_market_typo"}
                """;
        assertThatThrownBy(() -> mapper.readValue(json, Property.class))
                .hasMessageContaining("property_type must be one of");

        Property property =
                mapper.readValue(
                        """
                        {"id":"P000000001","address":{"street":"1 Oak St","city":"Springfield",
                        "state":"IL","zip":"62704","formatted":"1 Oak St, Springfield, IL 62704"},
                        "coordinates":{"lat":39.78,"lng":-89.65},"property_type":"condo",
                        "status":"off_market","price":250000,"beds":2,"baths":1.5,
                        "living_area_sqft":900,"lot_size_sqft":0,"year_built":1999,
                        "listing_date":null,"days_on_market":null,
                        "last_sale":{"date":"2020-05-01","price":200000},
                        "tax_assessment":{"year":2025,"assessed_value":210000,"tax_amount":4000},
                        "updated_at":"2026-11-30T08:15:00Z","unknown_member":1}
                        """,
                        Property.class);

        assertThat(property.status()).isEqualTo(PropertyStatus.OFF_MARKET);
        assertThat(property.lastSale()).isEqualTo(new LastSale(LocalDate.of(2020, 5, 1), 200000));
        assertThat(property.taxAssessment().assessedValue()).isEqualTo(210000);
        assertThat(property.updatedAt()).isEqualTo(Instant.parse("2026-11-30T08:15:00Z"));
        assertThat(mapper.writeValueAsString(property))
                .contains("\"updated_at\":\"2026-11-30T08:15:00Z\"")
                .contains("\"living_area_sqft\":900")
                .doesNotContain("listing_date");
    }

    @Test
    void pages_nextCursorAbsentOrNull_meansLastPage() throws Exception {
        SearchPage page =
                mapper.readValue(
                        "{\"properties\":[],\"total\":0,\"next_cursor\":null}", SearchPage.class);
        UpdatedPage updated =
                mapper.readValue("{\"properties\":[],\"next_cursor\":\"c2\"}", UpdatedPage.class);

        assertThat(page.hasMore()).isFalse();
        assertThat(updated.next()).contains("c2");
        assertThat(mapper.writeValueAsString(page)).isEqualTo("{\"properties\":[],\"total\":0}");
    }

    @Test
    void health_write_hasOnlyWireMembers() throws Exception {
        Health health = new Health("ok", Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(mapper.writeValueAsString(health))
                .isEqualTo("{\"status\":\"ok\",\"time\":\"2026-12-01T00:00:00Z\"}");
    }
}
