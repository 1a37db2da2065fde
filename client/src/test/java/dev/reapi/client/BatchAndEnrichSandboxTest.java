package dev.reapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.client.batch.PropertyBatcher;
import dev.reapi.client.enrich.EnrichedProperty;
import dev.reapi.client.enrich.PartResult;
import dev.reapi.client.model.Property;
import dev.reapi.client.testing.SandboxFixture;
import dev.reapi.sandbox.FaultSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BatchAndEnrichSandboxTest {

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
    @Timeout(20)
    void batcher_concurrentLookupsWithRepeats_makeCeilDistinctOverSizeBulkCalls() {
        // Slow answers keep every batch in flight while the lookups arrive, so repeats join them;
        // only full windows and close() send, so a busy machine cannot split a window.
        fixture.sandbox()
                .setFaults(
                        FaultSettings.none()
                                .withLatency(new FaultSettings.Latency("fixed", 1_000, 1_000)));
        Random random = new Random(11);
        List<String> lookups = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            lookups.add(SandboxFixture.id(1 + random.nextInt(95)));
        }
        long distinct = lookups.stream().distinct().count();

        List<CompletableFuture<Property>> answers = new ArrayList<>();
        try (PropertyBatcher batcher =
                PropertyBatcher.of(client, new PropertyBatcher.Options(10, Duration.ofHours(1)))) {
            lookups.parallelStream().map(batcher::get).toList().forEach(answers::add);
        }

        List<String> got = answers.stream().map(CompletableFuture::join).map(Property::id).toList();
        assertThat(got).containsExactlyInAnyOrderElementsOf(lookups);
        assertThat(fixture.sandbox().stats().requests("getPropertiesBulk"))
                .isEqualTo((distinct + 9) / 10);
        assertThat(fixture.sandbox().stats().records("getPropertiesBulk")).isEqualTo(distinct);
    }

    @Test
    void batcher_unknownAmongKnown_failsOnlyTheUnknownWithNotFound() {
        try (PropertyBatcher batcher = PropertyBatcher.of(client, untilFlushed())) {
            CompletableFuture<Property> known = batcher.get(SandboxFixture.id(5));
            CompletableFuture<Property> unknown = batcher.get("P999999999");
            batcher.flush();

            assertThat(known.join().id()).isEqualTo(SandboxFixture.id(5));
            assertThatThrownBy(unknown::join)
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(fixture.sandbox().stats().requests("getPropertiesBulk")).isEqualTo(1);
    }

    @Test
    void batcher_bulkCallFails_failsEveryWaiterOfTheBatch() {
        try (RealEstateApiClient noRetry =
                        RealEstateApiClient.builder()
                                .apiKey(SandboxFixture.API_KEY)
                                .baseUrl(fixture.sandbox().baseUrl())
                                .maxAttempts(1)
                                .build();
                PropertyBatcher batcher = PropertyBatcher.of(noRetry, untilFlushed())) {
            fixture.sandbox().setFaults(FaultSettings.none().withFailNext(1, 502));
            List<CompletableFuture<Property>> waiters =
                    List.of(batcher.get(SandboxFixture.id(1)), batcher.get(SandboxFixture.id(2)));
            batcher.flush();

            assertThat(waiters)
                    .allSatisfy(
                            w ->
                                    assertThatThrownBy(w::join)
                                            .cause()
                                            .isInstanceOf(UpstreamUnavailableException.class)
                                            .hasMessageContaining("status 502"));
        }
    }

    /** A window that only {@code flush()} ends, so a busy machine cannot split the batch. */
    private static PropertyBatcher.Options untilFlushed() {
        return new PropertyBatcher.Options(100, Duration.ofHours(1));
    }

    @Test
    void enrich_oneValuationMissing_marksThatPartAndKeepsTheRest() {
        Property first = client.getProperty(SandboxFixture.id(21));
        Property unknown = SandboxFixture.withUnknownId(first);
        fixture.reset();

        List<EnrichedProperty> enriched = client.enrich(List.of(first, unknown));

        assertThat(enriched)
                .extracting(e -> e.property().id())
                .containsExactly(first.id(), "P999999999");
        assertThat(enriched.get(0).isComplete()).isTrue();
        EnrichedProperty broken = enriched.get(1);
        assertThat(broken.isComplete()).isFalse();
        assertThat(broken.valuation()).isInstanceOf(PartResult.Failed.class);
        assertThat(((PartResult.Failed<?>) broken.valuation()).error())
                .isInstanceOf(NotFoundException.class);
        assertThat(broken.demographics().isLoaded()).isTrue();
        assertThat(broken.schools().isLoaded()).isTrue();
        // Same ZIP and same point: the area lookups were made once for both properties.
        assertThat(fixture.sandbox().stats().requests("getDemographics")).isEqualTo(1);
        assertThat(fixture.sandbox().stats().requests("getNearbySchools")).isEqualTo(1);
        assertThat(fixture.sandbox().stats().requests("getValuationById")).isEqualTo(2);
    }
}
