package dev.reapi.sandbox;

import static dev.reapi.sandbox.V2Envelopes.error;
import static dev.reapi.sandbox.V2Envelopes.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The v2 endpoints over real HTTP: envelope, validation, vendor quirks, consistency with v1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V2EndpointsTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T12:00:00Z"));
    private Sandbox sandbox;
    private Http http;

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withClock(clock));
        http = new Http(sandbox);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private JsonNode data(String path, String body) {
        return ok(http.post(path, body)).get("data");
    }

    @Test
    void everyEndpoint_answersInTheEnvelope() {
        ok(http.post("/v2/PropertySearch", "{\"state\":\"VT\",\"size\":2}"));
        ok(http.post("/v2/PropertyDetail", "{\"id\":42}"));
        ok(http.post("/v2/PropertyDetailBulk", "{\"ids\":[1,2,3]}"));
        ok(http.post("/v2/PropertyAvm", "{\"id\":42}"));
        ok(http.post("/v2/PropertyAvmBulk", "{\"properties\":[{\"id\":42}]}"));
        ok(http.post("/v2/PropertyComps", "{\"id\":42}"));
        ok(http.post("/v2/ChangeFiles", "{\"file_date\":\"2026-11-30\"}"));
        ok(http.get("/v2/key/info"));
    }

    @Test
    void search_withoutLocation_isRejectedInTheEnvelope() {
        assertThat(error(http.post("/v2/PropertySearch", "{\"size\":10}"), 400))
                .startsWith("location:");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"state\":\"VT\",\"size\":251}",
                "{\"state\":\"VT\",\"size\":0}",
                "{\"state\":\"VT\",\"resultIndex\":-1}",
                "{\"state\":\"VT\",\"beds_min\":3,\"beds_max\":2}",
                "{\"state\":\"VT\",\"property_type\":\"castle\"}",
                "{\"state\":\"VT\",\"color\":\"red\"}",
                "{\"zip\":\"5401\"}",
                "{\"latitude\":44.4,\"longitude\":-73.2}",
                "{\"county\":\"Chittenden\",\"state\":\"VT\"}",
                "{\"city\":\"Burlington\"}",
                "{\"zip\":\"05401\",\"city\":\"Burlington\",\"state\":\"VT\"}",
                "{\"polygon\":[{\"lat\":1,\"lon\":1}]}",
                "[1,2]",
                "{not json"
            })
    void search_badBody_is400WithTheFieldNamed(String body) {
        String message = error(http.post("/v2/PropertySearch", body), 400);

        assertThat(message).matches("^[a-z_A-Z\\[\\]0-9.]+: .+");
    }

    @Test
    void bulkLimits_overTheVendorMaxima_are400() {
        String ids =
                LongStream.rangeClosed(1, 1_001)
                        .mapToObj(Long::toString)
                        .collect(Collectors.joining(","));
        String items =
                LongStream.rangeClosed(1, 101)
                        .mapToObj(i -> "{\"id\":" + i + "}")
                        .collect(Collectors.joining(","));

        assertThat(error(http.post("/v2/PropertyDetailBulk", "{\"ids\":[" + ids + "]}"), 400))
                .startsWith("ids:");
        assertThat(error(http.post("/v2/PropertyAvmBulk", "{\"properties\":[" + items + "]}"), 400))
                .startsWith("properties:");
        assertThat(error(http.post("/v2/PropertyAvmBulk", "{\"properties\":[{}]}"), 400))
                .startsWith("properties[0]:");
    }

    @Test
    void detail_noMatch_is200WithTheErrorInsideData() {
        for (String body :
                List.of(
                        "{\"id\":999999999}",
                        "{\"apn\":\"999-999-999\"}",
                        "{\"address\":\"1 Nowhere Rd, Springfield, IL 62704\"}")) {
            JsonNode envelope = ok(http.post("/v2/PropertyDetail", body));

            assertThat(envelope.get("recordCount").asLong()).isZero();
            assertThat(envelope.at("/data/error").asBoolean()).isTrue();
            assertThat(envelope.at("/data/errorMessage").asText()).isNotBlank();
        }
        assertThat(
                        ok(http.post("/v2/PropertyAvm", "{\"id\":999999999}"))
                                .at("/data/error")
                                .asBoolean())
                .isTrue();
    }

    @Test
    void detail_byIdAddressAndApn_findTheSameProperty() {
        JsonNode byId = data("/v2/PropertyDetail", "{\"id\":42}");
        String label = byId.at("/address/label").asText();

        JsonNode byAddress =
                data("/v2/PropertyDetail", "{\"address\":" + Http.JSON.valueToTree(label) + "}");
        JsonNode byApn = data("/v2/PropertyDetail", "{\"apn\":\"000-000-042\"}");

        assertThat(byId.get("id").asLong()).isEqualTo(42);
        assertThat(byAddress).isEqualTo(byId);
        assertThat(byApn).isEqualTo(byId);
        JsonNode v1 = http.get("/v1/properties/P000000042").json();
        assertThat(label).isEqualTo(v1.at("/address/formatted").asText());
        assertThat(byId.get("bedrooms").asInt()).isEqualTo(v1.get("beds").asInt());
    }

    @Test
    void detail_carriesTheDemographicsAndSchoolsOfV1AtItsPoint() {
        JsonNode d = data("/v2/PropertyDetail", "{\"id\":4242}");
        String point = "lat=" + d.get("latitude").asText() + "&lng=" + d.get("longitude").asText();

        JsonNode demographics = http.get("/v1/demographics?" + point).json();
        JsonNode schools = http.get("/v1/schools/nearby?" + point).json().get("schools");

        assertThat(d.at("/demographics/zip").asText()).isEqualTo(demographics.get("zip").asText());
        assertThat(d.at("/demographics/medianHouseholdIncome").asLong())
                .isEqualTo(demographics.get("median_household_income").asLong());
        assertThat(ids(d.get("schools"), "id")).isEqualTo(ids(schools, "id"));
    }

    @Test
    void bulk_returnsTheRequestedSetShuffledTheSameWayEachTime() {
        String ids =
                LongStream.rangeClosed(1, 200)
                        .mapToObj(Long::toString)
                        .collect(Collectors.joining(","));
        String body = "{\"ids\":[" + ids + ",999999999,7]}";

        JsonNode first = ok(http.post("/v2/PropertyDetailBulk", body));
        JsonNode second = ok(http.post("/v2/PropertyDetailBulk", body));

        List<String> order = ids(first.get("data"), "id");
        assertThat(first.get("recordCount").asLong()).isEqualTo(200);
        assertThat(new HashSet<>(order))
                .isEqualTo(
                        LongStream.rangeClosed(1, 200)
                                .mapToObj(Long::toString)
                                .collect(Collectors.toSet()));
        assertThat(order)
                .isNotEqualTo(
                        order.stream()
                                .sorted(
                                        (a, b) ->
                                                Long.compare(Long.parseLong(a), Long.parseLong(b)))
                                .toList());
        assertThat(ids(second.get("data"), "id")).isEqualTo(order);
    }

    @Test
    void avm_singleAndBulk_matchV1ValuationOfTheSameProperty() {
        JsonNode v1 = http.get("/v1/properties/P000000042/valuation").json();

        JsonNode single = data("/v2/PropertyAvm", "{\"id\":42}");
        JsonNode bulk =
                data(
                        "/v2/PropertyAvmBulk",
                        "{\"properties\":[{\"id\":42,\"key\":\"k\"},{\"id\":999999999},"
                                + "{\"address\":\"12 Main St\"}]}");

        for (JsonNode avm : List.of(single, bulk.get(0))) {
            assertThat(avm.get("avm").asLong()).isEqualTo(v1.get("estimated_value").asLong());
            assertThat(avm.get("avmMin").asLong()).isEqualTo(v1.get("low").asLong());
            assertThat(avm.get("avmMax").asLong()).isEqualTo(v1.get("high").asLong());
            assertThat(avm.get("confidence").asDouble()).isEqualTo(v1.get("confidence").asDouble());
        }
        assertThat(bulk.get(0).at("/input/key").asText()).isEqualTo("k");
        assertThat(bulk.get(1).get("error").asBoolean()).isTrue();
        assertThat(bulk.get(1).at("/input/id").asLong()).isEqualTo(999999999);
        assertThat(bulk.get(2).get("errorMessage").asText()).startsWith("Invalid address format");
    }

    @Test
    void comps_areNearbySoldPropertiesOfTheSameType() {
        JsonNode subject = data("/v2/PropertyDetail", "{\"id\":4242}");

        JsonNode envelope = ok(http.post("/v2/PropertyComps", "{\"id\":4242}"));

        JsonNode comps = envelope.at("/data/comps");
        assertThat(envelope.get("recordCount").asInt()).isEqualTo(comps.size());
        assertThat(envelope.at("/data/subject/id").asLong()).isEqualTo(4242);
        double last = 0;
        for (JsonNode c : comps) {
            assertThat(c.get("id").asLong()).isNotEqualTo(4242);
            assertThat(c.get("propertyType").asText())
                    .isEqualTo(subject.get("propertyType").asText());
            assertThat(c.get("lastSaleDate").asText()).isNotBlank();
            assertThat(c.get("distanceMiles").asDouble()).isBetween(last, 5.0);
            last = c.get("distanceMiles").asDouble();
        }
        assertThat(error(http.post("/v2/PropertyComps", "{\"id\":999999999}"), 404)).isNotBlank();
        assertThat(http.post("/v2/PropertyComps", "{\"id\":999999999}").json().get("data"))
                .isEmpty();
    }

    @Test
    void search_offsetPaging_coversTheSearchWithoutGapsOrRepeats() {
        String query = "\"state\":\"VT\"";
        long total =
                ok(http.post("/v2/PropertySearch", "{" + query + ",\"count\":true}"))
                        .get("resultCount")
                        .asLong();
        List<String> all = new ArrayList<>();
        for (int index = 0; index < total; index += 250) {
            all.addAll(
                    ids(
                            data(
                                    "/v2/PropertySearch",
                                    "{"
                                            + query
                                            + ",\"ids_only\":true,\"size\":250,\"resultIndex\":"
                                            + index
                                            + "}"),
                            null));
        }

        List<String> paged = new ArrayList<>();
        for (int index = 0; index < total; index += 37) {
            JsonNode page =
                    ok(
                            http.post(
                                    "/v2/PropertySearch",
                                    "{" + query + ",\"size\":37,\"resultIndex\":" + index + "}"));
            assertThat(page.get("resultIndex").asInt()).isEqualTo(index);
            assertThat(page.get("resultCount").asLong()).isEqualTo(total);
            paged.addAll(ids(page.get("data"), "id"));
        }

        assertThat(total).isBetween(300L, 3_000L);
        assertThat(paged).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void search_countAndIdsOnly_billWhatTheyReturn() {
        sandbox.resetStats();

        JsonNode count = ok(http.post("/v2/PropertySearch", "{\"state\":\"VT\",\"count\":true}"));
        JsonNode idsOnly =
                ok(
                        http.post(
                                "/v2/PropertySearch",
                                "{\"state\":\"VT\",\"ids_only\":true,\"size\":5}"));

        assertThat(count.get("data")).isEmpty();
        assertThat(count.get("recordCount").asInt()).isZero();
        assertThat(idsOnly.get("data")).hasSize(5);
        assertThat(idsOnly.get("data").get(0).isIntegralNumber()).isTrue();
        assertThat(sandbox.stats().records("v2.PropertySearch")).isEqualTo(5);
    }

    @Test
    void search_filtersAndShapes_onlyReturnMatches() {
        JsonNode sfr =
                data(
                        "/v2/PropertySearch",
                        "{\"state\":\"TX\",\"property_type\":\"SFR\",\"beds_min\":3,"
                                + "\"beds_max\":4,\"size\":100}");
        JsonNode circle =
                data(
                        "/v2/PropertySearch",
                        "{\"latitude\":30.27,\"longitude\":-97.74,\"radius\":10,\"size\":100}");
        JsonNode polygon =
                data(
                        "/v2/PropertySearch",
                        "{\"polygon\":[{\"lat\":30.0,\"lon\":-98.0},{\"lat\":30.6,\"lon\":-98.0},"
                                + "{\"lat\":30.6,\"lon\":-97.4},{\"lat\":30.0,\"lon\":-97.4}],"
                                + "\"size\":250}");

        assertThat(sfr).isNotEmpty();
        for (JsonNode p : sfr) {
            assertThat(p.get("propertyType").asText()).isEqualTo("SFR");
            assertThat(p.get("bedrooms").asInt()).isBetween(3, 4);
            assertThat(p.at("/address/state").asText()).isEqualTo("TX");
        }
        assertThat(circle).isNotEmpty();
        Set<String> inPolygon = new HashSet<>(ids(polygon, "id"));
        for (JsonNode p : circle) {
            double lat = p.get("latitude").asDouble();
            double lng = p.get("longitude").asDouble();
            if (lat > 30.01 && lat < 30.59 && lng > -97.99 && lng < -97.41) {
                assertThat(inPolygon).contains(p.get("id").asText());
            }
        }
    }

    @Test
    void unknownV2Route_isTheVendor404() {
        Http.Response r = http.post("/v2/NoSuchThing", "{}");

        error(r, 404);
        assertThat(r.json().get("resultCount").asInt()).isZero();
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.get(field).asText()));
        return out;
    }
}
