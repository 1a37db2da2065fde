package dev.reapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.batch.PropertyBatcher;
import dev.reapi.client.enrich.EnrichedProperty;
import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.Comps;
import dev.reapi.client.model.Coordinates;
import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.KeyInfo;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.PropertyStatus;
import dev.reapi.client.model.PropertyType;
import dev.reapi.client.model.School;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.model.UpdatedRequest;
import dev.reapi.client.model.Valuation;
import dev.reapi.client.model.ValuationBatch;
import dev.reapi.client.testing.ManualDelayer;
import dev.reapi.client.testing.MutableClock;
import dev.reapi.client.testing.V2Json;
import dev.reapi.client.testing.V2Stub;
import dev.reapi.client.testing.V2Stub.Reply;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every v2 operation against a stub serving canned v2 envelopes. */
class V2OperationsTest {

    private final ObjectMapper json = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-16T10:00:00Z"));
    private V2Stub stub;
    private RealEstateApiClient client;

    @BeforeEach
    void start() {
        stub = V2Stub.start();
        client =
                RealEstateApiClient.builder()
                        .provider(Provider.V2)
                        .apiKey(V2Stub.API_KEY)
                        .baseUrl(stub.baseUrl())
                        .clock(clock)
                        .delayer(ManualDelayer.immediate(clock))
                        .build();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    @Test
    void search_zip_postsSizeAndIndexAndReadsTheEnvelope() throws Exception {
        stub.on(
                "/v2/PropertySearch",
                Reply.ok(
                        "[" + V2Json.summary(1) + "," + V2Json.summary(2) + "]",
                        "\"resultCount\":5,\"resultIndex\":0,\"recordCount\":2"));

        SearchPage page = client.search(SearchRequest.zip("78701").withLimit(2));

        assertThat(page.properties())
                .extracting(Property::id)
                .containsExactly("P000000001", "P000000002");
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.nextCursor()).isEqualTo("2");
        V2Stub.Request sent = stub.requests("/v2/PropertySearch").getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.apiKey()).isEqualTo(V2Stub.API_KEY);
        JsonNode body = json.readTree(sent.body());
        assertThat(body.path("zip").asText()).isEqualTo("78701");
        assertThat(body.path("size").asInt()).isEqualTo(2);
        assertThat(body.path("resultIndex").asInt()).isZero();
    }

    @Test
    void searchAll_sevenResultsInPagesOfThree_coversEachOnceInOrder() {
        List<Long> ids = LongStream.rangeClosed(11, 17).boxed().toList();
        stub.on("/v2/PropertySearch", request -> page(request, ids));

        List<String> all =
                client.searchAll(SearchRequest.city("Austin", "TX").withLimit(3))
                        .map(Property::id)
                        .toList();

        assertThat(all)
                .containsExactlyElementsOf(ids.stream().map(V2OperationsTest::clientId).toList());
        assertThat(stub.requests("/v2/PropertySearch")).hasSize(3);
    }

    @Test
    void getProperty_detail_mapsEveryMember() throws Exception {
        stub.on("/v2/PropertyDetail", Reply.ok(V2Json.detail(42), "\"resultCount\":1"));

        Property property = client.getProperty("P000000042");

        assertThat(property.id()).isEqualTo("P000000042");
        assertThat(property.address().formatted()).isEqualTo("42 Main St, Austin, TX 78701");
        assertThat(property.propertyType()).isEqualTo(PropertyType.SINGLE_FAMILY);
        assertThat(property.status()).isEqualTo(PropertyStatus.ACTIVE);
        assertThat(property.price()).isEqualTo(425_000);
        assertThat(property.baths()).isEqualTo(2.5);
        assertThat(property.lastSale().price()).isEqualTo(380_000);
        assertThat(property.taxAssessment().assessedValue()).isEqualTo(300_000);
        assertThat(property.updatedAt()).isEqualTo(Instant.parse("2024-01-15T13:00:00Z"));
        JsonNode body = json.readTree(stub.requests().getFirst().body());
        assertThat(body.path("id").asLong()).isEqualTo(42);
    }

    @Test
    void getProperty_noMatchInsideA200_throwsNotFound() {
        stub.on(
                "/v2/PropertyDetail",
                Reply.ok(
                        "{\"error\":true,\"errorMessage\":\"No results found for this property.\"}",
                        "\"resultCount\":0,\"recordCount\":0"));

        assertThatThrownBy(() -> client.getProperty("P000000099"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("PropertyDetail")
                .hasMessageContaining("No results found for this property.");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void getProperty_nonNumericId_isRejectedBeforeSending() {
        assertThatThrownBy(() -> client.getProperty("abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'abc'");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void getProperties_shuffledAnswer_isMatchedOnIdWithMissingListed() {
        List<Long> found = new ArrayList<>(LongStream.rangeClosed(1, 40).boxed().toList());
        Collections.shuffle(found, new Random(7));
        String data = found.stream().map(V2Json::detail).collect(Collectors.joining(",", "[", "]"));
        stub.on("/v2/PropertyDetailBulk", Reply.ok(data, "\"resultCount\":40"));
        List<String> requested = new ArrayList<>();
        for (long id = 1; id <= 42; id++) {
            requested.add(clientId(id));
        }

        BulkResult result = client.getProperties(requested);

        assertThat(result.properties())
                .extracting(Property::id)
                .containsExactlyElementsOf(requested.subList(0, 40));
        assertThat(result.missing()).containsExactly("P000000041", "P000000042");
    }

    @Test
    void getProperties_idsThatCannotBeV2Ids_areMissingWithoutFailingTheOthers() {
        stub.on("/v2/PropertyDetailBulk", Reply.ok("[" + V2Json.detail(1) + "]", ""));

        BulkResult mixed = client.getProperties(List.of("abc", "P000000001"));
        BulkResult none = client.getProperties(List.of("abc"));

        assertThat(mixed.properties()).extracting(Property::id).containsExactly("P000000001");
        assertThat(mixed.missing()).containsExactly("abc");
        assertThat(none.missing()).containsExactly("abc");
        assertThat(stub.requests("/v2/PropertyDetailBulk")).hasSize(1);
    }

    @Test
    void getValuation_avm_mapsRangeAndDay() {
        stub.on("/v2/PropertyAvm", Reply.ok(V2Json.avm(42, 412_000), "\"resultCount\":1"));

        Valuation valuation = client.getValuation("P000000042");

        assertThat(valuation.propertyId()).isEqualTo("P000000042");
        assertThat(valuation.estimatedValue()).isEqualTo(412_000);
        assertThat(valuation.low()).isEqualTo(392_000);
        assertThat(valuation.high()).isEqualTo(432_000);
        assertThat(valuation.asOf()).isEqualTo(LocalDate.of(2024, 1, 16));
    }

    @Test
    void getValuations_bulkWithFailedItems_reportsThemPerItem() throws Exception {
        String data =
                "["
                        + V2Json.avm(1, 300_000)
                        + ",{\"input\":{\"id\":99},\"error\":true,"
                        + "\"errorMessage\":\"No results found\"},"
                        + V2Json.avm(3, 500_000)
                        + "]";
        stub.on("/v2/PropertyAvmBulk", Reply.ok(data, "\"resultCount\":2"));

        ValuationBatch batch = client.getValuations(List.of("P000000001", "99", "P000000003"));

        assertThat(batch.valuations())
                .extracting(Valuation::propertyId)
                .containsExactly("P000000001", "P000000003");
        assertThat(batch.failures())
                .containsExactly(new ValuationBatch.Failure("99", "No results found"));
        JsonNode body = json.readTree(stub.requests().getFirst().body());
        assertThat(body.path("properties").get(1).path("id").asLong()).isEqualTo(99);
    }

    @Test
    void getValuations_moreThanOneHundred_isRejectedBeforeSending() {
        List<String> ids = LongStream.rangeClosed(1, 101).mapToObj(Long::toString).toList();

        assertThatThrownBy(() -> client.getValuations(ids))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..100")
                .hasMessageContaining("101");
    }

    @Test
    void comps_subjectAndComparables_areTyped() {
        String data =
                """
                {"subject": {"id": 42, "estimatedValue": 412000},
                 "comps": [{"id": 57, "bedrooms": 3, "bathrooms": 2, "squareFeet": 1900,
                   "lotSquareFeet": 7000, "yearBuilt": 2001, "estimatedValue": 420000,
                   "lastSaleDate": "2023-08-01", "lastSaleAmount": 401000, "latitude": 30.28,
                   "longitude": -97.75, "apn": "x", "propertyType": "CONDO",
                   "distanceMiles": 0.8}]}\
                """;
        stub.on("/v2/PropertyComps", Reply.ok(data, "\"resultCount\":1"));

        Comps comps = client.comps("P000000042");

        assertThat(comps.subjectId()).isEqualTo("P000000042");
        assertThat(comps.comps())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.propertyId()).isEqualTo("P000000057");
                            assertThat(c.propertyType()).isEqualTo(PropertyType.CONDO);
                            assertThat(c.lastSale().price()).isEqualTo(401_000);
                        });
    }

    @Test
    void comps_unknownSubject_throwsNotFound() {
        stub.on(
                "/v2/PropertyComps",
                Reply.json(
                        404,
                        "{\"statusCode\":404,\"statusMessage\":\"Not Found\",\"data\":{},"
                                + "\"resultCount\":0}"));

        assertThatThrownBy(() -> client.comps("P000000042"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("status 404");
    }

    @Test
    void areaLookups_byProperty_comeFromTheDetail() {
        stub.on("/v2/PropertyDetail", Reply.ok(V2Json.detail(42), "\"resultCount\":1"));
        Property property = client.getProperty("P000000042");

        Demographics demographics = client.getDemographics(property);
        List<School> schools = client.getNearbySchools(property);
        List<School> near = client.getNearbySchoolsAsync(property, 1.0).join();

        assertThat(demographics.zip()).isEqualTo("78701");
        assertThat(demographics.medianHouseholdIncome()).isEqualTo(81_000);
        assertThat(schools).extracting(School::id).containsExactly("S1", "S2");
        assertThat(near).extracting(School::id).containsExactly("S1");
        assertThat(stub.requests("/v2/PropertyDetail")).hasSize(4);
    }

    @Test
    void areaLookups_byPoint_sayWhatToUseInstead() {
        Coordinates point = Coordinates.of(30.27, -97.74);

        assertThatThrownBy(() -> client.getDemographics(point))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("getDemographics(Property)");
        assertThatThrownBy(() -> client.getNearbySchools(point))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("getNearbySchools(Property)");
    }

    @Test
    void updatedFeed_onV2_pointsToChangeFiles() {
        assertThatThrownBy(() -> client.getUpdated(UpdatedRequest.since(Instant.EPOCH)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("v2 has no updated feed; use changeFiles");
        assertThatThrownBy(() -> client.updatedSince(Instant.EPOCH).findFirst())
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("v2 has no updated feed; use changeFiles");
    }

    @Test
    void keyInfo_scopesAndLimits_reportMissingScopesInOneLine() {
        stub.on(
                "/v2/key/info",
                Reply.ok(
                        """
                        {"keyType": "test", "version": "v2",
                         "scopes": ["PropertySearch", "PropertyDetail", "PropertyDetailBulk",
                                    "PropertyAvm"],
                         "rateLimits": {"requestsPerSecond": 5, "note": "n"},
                         "quota": {"recordsPerDay": 1000, "recordsUsedToday": 12,
                                   "resetsAt": "2024-01-17T00:00:00.000Z"}}\
                        """,
                        "\"resultCount\":1"));

        KeyInfo info = client.keyInfo();
        String report = info.scopeReport(KeyInfo.CLIENT_SCOPES);

        assertThat(info.isLive()).isFalse();
        assertThat(info.requestsPerSecond()).isEqualTo(5);
        assertThat(info.recordsPerDay()).isEqualTo(1000);
        assertThat(info.missingScopes(KeyInfo.CLIENT_SCOPES))
                .containsExactly("PropertyAvmBulk", "PropertyComps", "ChangeFiles");
        assertThat(report)
                .doesNotContain("\n")
                .contains(
                        "lacks 3 of 7 required scopes: PropertyAvmBulk, PropertyComps,"
                                + " ChangeFiles");
        assertThat(client.health().isOk()).isTrue();
        assertThat(stub.requests("/v2/key/info")).hasSize(2);
    }

    @Test
    void enrich_onV2_loadsEveryPartFromAvmAndDetail() {
        stub.on("/v2/PropertyDetail", Reply.ok(V2Json.detail(42), "\"resultCount\":1"));
        stub.on("/v2/PropertyAvm", Reply.ok(V2Json.avm(42, 412_000), "\"resultCount\":1"));
        Property property = client.getProperty("P000000042");

        EnrichedProperty enriched = client.enrich(List.of(property)).getFirst();

        assertThat(enriched.isComplete()).isTrue();
        assertThat(enriched.valuation().value())
                .hasValueSatisfying(v -> assertThat(v.estimatedValue()).isEqualTo(412_000));
        assertThat(enriched.demographics().value())
                .hasValueSatisfying(d -> assertThat(d.zip()).isEqualTo("78701"));
        assertThat(enriched.schools().value()).hasValueSatisfying(s -> assertThat(s).hasSize(2));
    }

    @Test
    void batcher_onV2_answersEachCallerFromAShuffledBulkAnswer() {
        stub.on(
                "/v2/PropertyDetailBulk",
                Reply.ok("[" + V2Json.detail(2) + "," + V2Json.detail(1) + "]", ""));
        CompletableFuture<Property> one;
        CompletableFuture<Property> two;
        CompletableFuture<Property> three;
        try (PropertyBatcher batcher = PropertyBatcher.of(client)) {
            one = batcher.get("P000000001");
            two = batcher.get("P000000002");
            three = batcher.get("P000000003");
        }

        assertThat(one.join().id()).isEqualTo("P000000001");
        assertThat(two.join().id()).isEqualTo("P000000002");
        assertThatThrownBy(three::join).hasCauseInstanceOf(NotFoundException.class);
        assertThat(stub.requests("/v2/PropertyDetailBulk")).hasSize(1);
    }

    /** Serves the page of {@code ids} that the request's size and resultIndex select. */
    private Reply page(V2Stub.Request request, List<Long> ids) {
        try {
            JsonNode body = json.readTree(request.body());
            int size = body.path("size").asInt();
            int index = body.path("resultIndex").asInt();
            List<Long> slice = ids.subList(index, Math.min(ids.size(), index + size));
            String data =
                    slice.stream().map(V2Json::summary).collect(Collectors.joining(",", "[", "]"));
            return Reply.ok(
                    data,
                    "\"resultCount\":"
                            + ids.size()
                            + ",\"resultIndex\":"
                            + index
                            + ",\"recordCount\":"
                            + slice.size());
        } catch (IOException e) {
            return Reply.error(400, "Bad Request", e.getMessage());
        }
    }

    private static String clientId(long id) {
        return String.format("P%09d", id);
    }
}
