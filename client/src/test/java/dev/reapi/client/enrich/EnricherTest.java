package dev.reapi.client.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.client.UpstreamTimeoutException;
import dev.reapi.client.model.Address;
import dev.reapi.client.model.Coordinates;
import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.PropertyStatus;
import dev.reapi.client.model.PropertyType;
import dev.reapi.client.model.School;
import dev.reapi.client.model.Valuation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EnricherTest {

    /** Sources whose answers the test releases by hand, tracking how many are outstanding. */
    private static final class HeldSources implements Enricher.Sources {
        final Queue<Runnable> held = new ConcurrentLinkedQueue<>();
        final AtomicInteger outstanding = new AtomicInteger();
        final AtomicInteger maxOutstanding = new AtomicInteger();
        final AtomicInteger demographicsCalls = new AtomicInteger();
        final AtomicInteger schoolCalls = new AtomicInteger();

        private <T> CompletableFuture<T> hold(T value) {
            CompletableFuture<T> future = new CompletableFuture<>();
            maxOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
            held.add(
                    () -> {
                        outstanding.decrementAndGet();
                        future.complete(value);
                    });
            return future;
        }

        void releaseAll() {
            Runnable next;
            while ((next = held.poll()) != null) {
                next.run();
            }
        }

        @Override
        public CompletableFuture<Valuation> valuation(String propertyId) {
            if (propertyId.equals("P_BROKEN")) {
                return CompletableFuture.failedFuture(
                        new UpstreamTimeoutException("getValuationById", 0, "r", "slow", null));
            }
            return hold(
                    new Valuation(propertyId, null, 100, 90, 110, 0.9, LocalDate.of(2026, 12, 1)));
        }

        @Override
        public CompletableFuture<Demographics> demographics(Property property) {
            demographicsCalls.incrementAndGet();
            return hold(new Demographics("62704", null, null, 10, 50_000, 38, 4, 0.6, null, null));
        }

        @Override
        public CompletableFuture<List<School>> schools(Property property, double radiusMiles) {
            schoolCalls.incrementAndGet();
            return hold(List.of());
        }
    }

    @Test
    void enrichAsync_manyProperties_neverExceedsTheConcurrencyLimit() {
        HeldSources sources = new HeldSources();
        Enricher enricher =
                Enricher.create(sources, Enricher.Options.defaults().withConcurrency(3));
        List<Property> properties = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            properties.add(property("P" + i, "627" + (10 + i), 39.0 + i * 0.1));
        }

        CompletableFuture<List<EnrichedProperty>> result = enricher.enrichAsync(properties);
        while (!result.isDone()) {
            assertThat(sources.outstanding.get()).isLessThanOrEqualTo(3);
            sources.releaseAll();
        }

        assertThat(sources.maxOutstanding.get()).isEqualTo(3);
        assertThat(result.join()).hasSize(20).allSatisfy(e -> assertThat(e.isComplete()).isTrue());
    }

    @Test
    void enrichAsync_neighbours_shareAreaLookups() {
        HeldSources sources = new HeldSources();
        Enricher enricher = Enricher.create(sources, Enricher.Options.defaults());
        List<Property> properties =
                List.of(
                        property("P1", "62704", 39.78001),
                        property("P2", "62704", 39.78002),
                        property("P3", "62705", 39.90));

        CompletableFuture<List<EnrichedProperty>> result = enricher.enrichAsync(properties);
        while (!result.isDone()) {
            sources.releaseAll();
        }

        assertThat(sources.demographicsCalls.get()).isEqualTo(2);
        assertThat(sources.schoolCalls.get()).isEqualTo(2);
    }

    @Test
    void enrichAsync_failingPart_isMarkedAndTheOthersLoad() {
        HeldSources sources = new HeldSources();
        Enricher enricher = Enricher.create(sources, Enricher.Options.defaults());

        CompletableFuture<List<EnrichedProperty>> result =
                enricher.enrichAsync(List.of(property("P_BROKEN", "62704", 39.78)));
        while (!result.isDone()) {
            sources.releaseAll();
        }

        EnrichedProperty enriched = result.join().getFirst();
        assertThat(enriched.valuation())
                .isInstanceOfSatisfying(
                        PartResult.Failed.class,
                        failed -> {
                            assertThat(failed.reason()).startsWith("valuation: ");
                            assertThat(failed.error()).isInstanceOf(UpstreamTimeoutException.class);
                        });
        assertThat(enriched.demographics().isLoaded()).isTrue();
        assertThat(enriched.schools().isLoaded()).isTrue();
    }

    @Test
    void enrichAsync_partsSwitchedOff_areSkippedWithoutCalls() {
        HeldSources sources = new HeldSources();
        Enricher enricher =
                Enricher.create(sources, new Enricher.Options(2, 3.0, true, false, false));

        CompletableFuture<List<EnrichedProperty>> result =
                enricher.enrichAsync(List.of(property("P1", "62704", 39.78)));
        while (!result.isDone()) {
            sources.releaseAll();
        }

        EnrichedProperty enriched = result.join().getFirst();
        assertThat(enriched.demographics()).isInstanceOf(PartResult.Skipped.class);
        assertThat(enriched.schools()).isInstanceOf(PartResult.Skipped.class);
        assertThat(sources.demographicsCalls.get()).isZero();
        assertThat(enriched.isComplete()).isTrue();
    }

    private static Property property(String id, String zip, double lat) {
        return new Property(
                id,
                new Address(
                        "1 Oak St",
                        "Springfield",
                        "IL",
                        zip,
                        null,
                        "1 Oak St, Springfield, IL " + zip),
                new Coordinates(lat, -89.65),
                PropertyType.SINGLE_FAMILY,
                PropertyStatus.ACTIVE,
                200_000,
                3,
                2,
                1500,
                5000,
                1990,
                null,
                null,
                null,
                null,
                Instant.parse("2026-11-30T08:15:00Z"));
    }
}
