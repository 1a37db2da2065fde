package dev.reapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.client.batch.PropertyBatcher;
import dev.reapi.client.enrich.EnrichedProperty;
import dev.reapi.client.enrich.PartResult;
import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.model.Valuation;
import dev.reapi.client.model.ValuationBatch;
import dev.reapi.client.testing.SandboxFixture;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The provider-neutral operations against the in-process sandbox, once per provider: both wires
 * must give the caller the same results from the same dataset.
 */
class ProvidersSandboxTest {

    private static SandboxFixture fixture;
    private static final Map<Provider, RealEstateApiClient> CLIENTS = new EnumMap<>(Provider.class);

    @BeforeAll
    static void start() {
        fixture = SandboxFixture.shared();
        for (Provider provider : Provider.values()) {
            CLIENTS.put(provider, client(provider));
        }
    }

    /** A client of the shared sandbox speaking {@code provider}, on the sandbox's clock. */
    static RealEstateApiClient client(Provider provider) {
        return SandboxFixture.shared().clientBuilder().provider(provider).build();
    }

    @AfterAll
    static void stop() {
        CLIENTS.values().forEach(RealEstateApiClient::close);
        CLIENTS.clear();
    }

    @BeforeEach
    void reset() {
        fixture.reset();
    }

    /** The sandbox's stats name of an operation on {@code provider}. */
    static String op(Provider provider, String v1, String v2) {
        return provider == Provider.V1 ? v1 : "v2." + v2;
    }

    private static long requests(Provider provider, String v1, String v2) {
        return fixture.sandbox().stats().requests(op(provider, v1, v2));
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void getProperty_existingId_returnsItBlockingAndAsync(Provider provider) throws Exception {
        RealEstateApiClient client = CLIENTS.get(provider);

        Property property = client.getProperty(SandboxFixture.id(1));
        Property async = client.getPropertyAsync(SandboxFixture.id(1)).get();

        assertThat(property.id()).isEqualTo(SandboxFixture.id(1));
        assertThat(async).isEqualTo(property);
        assertThat(requests(provider, "getProperty", "PropertyDetail")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void getProperty_unknownId_throwsNotFoundOnce(Provider provider) {
        RealEstateApiClient client = CLIENTS.get(provider);

        assertThatThrownBy(() -> client.withRequestId("req-404").getProperty("P000999999"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("req-404");

        assertThat(requests(provider, "getProperty", "PropertyDetail")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void search_zipOfAKnownProperty_findsOnlyThatZip(Provider provider) {
        RealEstateApiClient client = CLIENTS.get(provider);
        Property known = client.getProperty(SandboxFixture.id(7));

        SearchPage page = client.search(SearchRequest.zip(known.address().zip()).withLimit(250));

        assertThat(page.total()).isPositive();
        assertThat(page.properties()).extracting(Property::id).contains(known.id());
        assertThat(page.properties())
                .allSatisfy(p -> assertThat(p.address().zip()).isEqualTo(known.address().zip()));
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void searchAll_smallPages_coversTheCityOnceInCeilTotalOverTwoCalls(Provider provider) {
        RealEstateApiClient client = CLIENTS.get(provider);
        Property known = client.getProperty(SandboxFixture.id(3));
        SearchRequest request = SearchRequest.city(known.address().city(), known.address().state());
        long total = client.search(request.withLimit(1)).total();
        fixture.reset();

        List<Property> all = client.searchAll(request.withLimit(2)).toList();

        assertThat(all).hasSize((int) total);
        assertThat(all.stream().map(Property::id).distinct()).hasSize((int) total);
        long pages = requests(provider, "searchProperties", "PropertySearch");
        assertThat(pages).isBetween((total + 1) / 2, (total + 1) / 2 + 1);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void getProperties_someUnknown_listsThemAsMissingInRequestOrder(Provider provider) {
        RealEstateApiClient client = CLIENTS.get(provider);
        List<String> ids = List.of(SandboxFixture.id(9), "P000999998", SandboxFixture.id(2));

        BulkResult result = client.getProperties(ids);

        assertThat(result.properties())
                .extracting(Property::id)
                .containsExactly(SandboxFixture.id(9), SandboxFixture.id(2));
        assertThat(result.missing()).containsExactly("P000999998");
        assertThat(
                        fixture.sandbox()
                                .stats()
                                .records(op(provider, "getPropertiesBulk", "PropertyDetailBulk")))
                .isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void valuations_singleByIdAndAddressAndBulk_agree(Provider provider) {
        RealEstateApiClient client = CLIENTS.get(provider);
        Property property = client.getProperty(SandboxFixture.id(11));

        Valuation byId = client.getValuation(property.id());
        Valuation byAddress = client.getValuationByAddress(property.address().formatted());
        ValuationBatch batch = client.getValuations(List.of(property.id(), "P000999997"));

        assertThat(byId.propertyId()).isEqualTo(property.id());
        assertThat(byAddress).isEqualTo(byId);
        assertThat(batch.valuations()).singleElement().isEqualTo(byId);
        assertThat(batch.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.propertyId()).isEqualTo("P000999997"));
        assertThatThrownBy(() -> client.getValuation("P000999996"))
                .isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void areaOfAProperty_equalsV1ByPointLookups(Provider provider) {
        RealEstateApiClient client = CLIENTS.get(provider);
        RealEstateApiClient v1 = CLIENTS.get(Provider.V1);
        Property property = client.getProperty(SandboxFixture.id(12));

        assertThat(client.getDemographics(property))
                .isEqualTo(v1.getDemographics(property.coordinates()));
        assertThat(client.getNearbySchools(property))
                .isEqualTo(v1.getNearbySchools(property.coordinates()));
        assertThat(client.getNearbySchoolsAsync(property, 1.5).join())
                .isEqualTo(v1.getNearbySchools(property.coordinates(), 1.5));
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void enrich_oneValuationMissing_marksThatPartAndKeepsTheRest(Provider provider) {
        RealEstateApiClient client = CLIENTS.get(provider);
        Property first = client.getProperty(SandboxFixture.id(21));
        Property unknown = SandboxFixture.withUnknownId(first);
        fixture.reset();

        List<EnrichedProperty> enriched = client.enrich(List.of(first, unknown));

        assertThat(enriched)
                .extracting(e -> e.property().id())
                .containsExactly(first.id(), "P999999999");
        assertThat(enriched.get(0).isComplete()).isTrue();
        EnrichedProperty broken = enriched.get(1);
        assertThat(broken.valuation()).isInstanceOf(PartResult.Failed.class);
        assertThat(((PartResult.Failed<?>) broken.valuation()).error())
                .isInstanceOf(NotFoundException.class);
        // Same ZIP and point: the area parts were asked once, for the first property.
        assertThat(broken.demographics().isLoaded()).isTrue();
        assertThat(broken.schools().isLoaded()).isTrue();
        assertThat(requests(provider, "getValuationById", "PropertyAvm")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void batcher_unknownAmongKnown_failsOnlyTheUnknownInOneBulkCall(Provider provider) {
        RealEstateApiClient client = CLIENTS.get(provider);

        try (PropertyBatcher batcher =
                PropertyBatcher.of(client, new PropertyBatcher.Options(100, Duration.ofHours(1)))) {
            CompletableFuture<Property> known = batcher.get(SandboxFixture.id(5));
            CompletableFuture<Property> repeat = batcher.get(SandboxFixture.id(5));
            CompletableFuture<Property> unknown = batcher.get("P000999999");
            batcher.flush();

            assertThat(known.join().id()).isEqualTo(SandboxFixture.id(5));
            assertThat(repeat.join()).isEqualTo(known.join());
            assertThatThrownBy(unknown::join)
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(requests(provider, "getPropertiesBulk", "PropertyDetailBulk")).isEqualTo(1);
    }
}
