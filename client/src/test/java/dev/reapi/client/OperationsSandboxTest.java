package dev.reapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.Coordinates;
import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.Health;
import dev.reapi.client.model.ModelJson;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.School;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.model.UpdatedJsonPage;
import dev.reapi.client.model.UpdatedPage;
import dev.reapi.client.model.UpdatedRequest;
import dev.reapi.client.model.Valuation;
import dev.reapi.client.model.ValuationBatch;
import dev.reapi.client.testing.SandboxFixture;
import dev.reapi.sandbox.StatsSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperationsSandboxTest {

    private static SandboxFixture fixture;
    private static RealEstateApiClient client;

    @BeforeAll
    static void start() {
        fixture = SandboxFixture.shared();
        client = fixture.clientBuilder().build();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @BeforeEach
    void reset() {
        fixture.reset();
    }

    @Test
    void getProperty_existingId_returnsIt() throws Exception {
        Property property = client.getProperty(SandboxFixture.id(1));
        Property async = client.getPropertyAsync(SandboxFixture.id(1)).get();

        assertThat(property.id()).isEqualTo(SandboxFixture.id(1));
        assertThat(async).isEqualTo(property);
        assertThat(fixture.sandbox().stats().requests("getProperty")).isEqualTo(2);
    }

    @Test
    void getProperty_unknownId_throwsNotFoundWithCallersRequestId() {
        assertThatThrownBy(() -> client.withRequestId("gw-req-42").getProperty("P999999999"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("getProperty")
                .hasMessageContaining("status 404")
                .hasMessageContaining("gw-req-42")
                .satisfies(
                        e ->
                                assertThat(((NotFoundException) e).requestId())
                                        .isEqualTo("gw-req-42"));
    }

    @Test
    void search_zipOfAKnownProperty_findsIt() {
        Property known = client.getProperty(SandboxFixture.id(7));

        SearchPage page = client.search(SearchRequest.zip(known.address().zip()).withLimit(250));

        assertThat(page.total()).isPositive();
        assertThat(page.properties())
                .allSatisfy(p -> assertThat(p.address().zip()).isEqualTo(known.address().zip()));
    }

    @Test
    void searchAll_smallPages_followsEveryCursor() {
        Property known = client.getProperty(SandboxFixture.id(3));
        SearchRequest request = SearchRequest.city(known.address().city(), known.address().state());
        long total = client.search(request.withLimit(1)).total();
        fixture.reset();

        List<Property> all = client.searchAll(request.withLimit(2)).toList();

        assertThat(all).hasSize((int) total);
        assertThat(all.stream().map(Property::id).distinct()).hasSize((int) total);
        long pages = fixture.sandbox().stats().requests("searchProperties");
        assertThat(pages).isBetween((total + 1) / 2, (total + 1) / 2 + 1);
    }

    @Test
    void getProperties_someUnknown_listsThemAsMissing() {
        BulkResult result =
                client.getProperties(
                        List.of(SandboxFixture.id(1), "P999999998", SandboxFixture.id(2)));

        assertThat(result.properties())
                .extracting(Property::id)
                .containsExactly(SandboxFixture.id(1), SandboxFixture.id(2));
        assertThat(result.missing()).containsExactly("P999999998");
    }

    @Test
    void updatedSince_epoch_streamsEveryPropertyOnceAcrossPages() {
        UpdatedPage first = client.getUpdated(UpdatedRequest.since(Instant.EPOCH).withLimit(1000));
        assertThat(first.properties()).hasSize(1000);
        assertThat(first.hasMore()).isTrue();

        long count =
                client.updatedSince(UpdatedRequest.since(Instant.EPOCH).withLimit(1000))
                        .map(Property::id)
                        .distinct()
                        .count();

        assertThat(count).isEqualTo(5_000);
    }

    @Test
    void getUpdatedWithJson_firstPage_isGetUpdatedWithEachPropertysJsonAsServed() throws Exception {
        UpdatedRequest request = UpdatedRequest.since(Instant.EPOCH).withLimit(1000);

        UpdatedJsonPage withJson = client.getUpdatedWithJson(request);

        assertThat(withJson.page()).isEqualTo(client.getUpdated(request));
        ObjectMapper mapper = ModelJson.newMapper();
        for (int i = 0; i < withJson.propertyJson().size(); i++) {
            assertThat(mapper.readValue(withJson.propertyJson().get(i), Property.class))
                    .isEqualTo(withJson.page().properties().get(i));
        }
    }

    @Test
    void areaOperations_aroundAKnownProperty_answer() {
        Property property = client.getProperty(SandboxFixture.id(11));
        Coordinates point = property.coordinates();

        Valuation byId = client.getValuation(property.id());
        Valuation byAddress = client.getValuationByAddress(property.address().formatted());
        Demographics demographics = client.getDemographics(point);
        List<School> schools = client.getNearbySchools(point, 10);
        Health health = client.health();

        assertThat(byId.propertyId()).isEqualTo(property.id());
        assertThat(byAddress.propertyId()).isEqualTo(property.id());
        assertThat(demographics.zip()).hasSize(5);
        assertThat(schools)
                .isSortedAccordingTo(
                        (a, b) -> Double.compare(a.distanceMiles(), b.distanceMiles()));
        assertThat(health.isOk()).isTrue();
        StatsSnapshot stats = fixture.sandbox().stats();
        assertThat(stats.requestsByEndpoint())
                .containsAllEntriesOf(
                        Map.of(
                                "getValuationById", 1L,
                                "getValuationByAddress", 1L,
                                "getDemographics", 1L,
                                "getNearbySchools", 1L));
    }

    @Test
    void providerNeutralLookups_onV1_matchTheByPointAndSingleCalls() {
        Property property = client.getProperty(SandboxFixture.id(12));

        Demographics byProperty = client.getDemographics(property);
        List<School> schoolsByProperty = client.getNearbySchools(property);
        ValuationBatch batch = client.getValuations(List.of(property.id(), "P999999997"));

        assertThat(byProperty).isEqualTo(client.getDemographics(property.coordinates()));
        assertThat(schoolsByProperty).isEqualTo(client.getNearbySchools(property.coordinates()));
        assertThat(batch.valuations())
                .singleElement()
                .isEqualTo(client.getValuation(property.id()));
        assertThat(batch.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.propertyId()).isEqualTo("P999999997"));
        assertThatThrownBy(() -> client.comps(property.id()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Provider.V2");
    }

    @Test
    void getNearbySchools_pointNearZero_answers() {
        List<School> schools = client.getNearbySchools(new Coordinates(0.0001, -0.00005), 1);

        assertThat(schools).isNotNull();
        assertThat(fixture.sandbox().stats().requests("getNearbySchools")).isEqualTo(1);
    }

    @Test
    void anyOperation_wrongKey_throwsUnauthorizedWithoutRetrying() {
        try (RealEstateApiClient wrong =
                RealEstateApiClient.builder()
                        .apiKey("not-the-key")
                        .baseUrl(fixture.sandbox().baseUrl())
                        .build()) {
            assertThatThrownBy(() -> wrong.getProperty(SandboxFixture.id(1)))
                    .isInstanceOf(UnauthorizedException.class)
                    .hasMessageNotContaining("not-the-key");
        }
        assertThat(fixture.sandbox().stats().requestsTotal()).isEqualTo(1);
    }
}
