package dev.reapi.gateway.adapter.in.http;

import dev.reapi.client.model.Address;
import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.Coordinates;
import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.PropertyStatus;
import dev.reapi.client.model.PropertyType;
import dev.reapi.client.model.Schools;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.model.Valuation;
import dev.reapi.gateway.application.port.out.PropertySource;
import dev.reapi.gateway.application.port.out.UpstreamFailure;
import dev.reapi.gateway.domain.property.EnrichedProperty;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake of {@link PropertySource} for HTTP unit tests: one known property ({@link #KNOWN_ID}),
 * unknown ids answer NOT_FOUND, and a failure kind can be scripted for every call.
 */
final class FakePropertySource implements PropertySource {

    static final String KNOWN_ID = "P000000001";

    final List<String> requestIds = new CopyOnWriteArrayList<>();
    private volatile Optional<UpstreamFailure> failing = Optional.empty();
    private volatile Optional<java.util.concurrent.CountDownLatch> gate = Optional.empty();
    final java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);

    void failWith(UpstreamFailure.Kind kind) {
        failWith(
                new UpstreamFailure(
                        kind, "scripted " + kind, Optional.of(Duration.ofSeconds(7)), null));
    }

    /** Makes every later call throw {@code failure}. */
    void failWith(UpstreamFailure failure) {
        failing = Optional.of(failure);
    }

    static Property property(String id) {
        return new Property(
                id,
                new Address(
                        "1234 Oak St",
                        "Springfield",
                        "IL",
                        "62704",
                        null,
                        "1234 Oak St, Springfield, IL 62704"),
                new Coordinates(39.78, -89.65),
                PropertyType.SINGLE_FAMILY,
                PropertyStatus.ACTIVE,
                250_000,
                3,
                2.5,
                1800,
                6000,
                1990,
                LocalDate.of(2026, 11, 1),
                32,
                null,
                null,
                Instant.parse("2026-11-30T08:15:00Z"));
    }

    /** Makes every later call wait until {@code release} is counted down. */
    void holdCallsUntil(java.util.concurrent.CountDownLatch release) {
        gate = Optional.of(release);
    }

    private void enter(String requestId, String id) {
        requestIds.add(requestId);
        entered.countDown();
        gate.ifPresent(
                release -> {
                    try {
                        release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        failing.ifPresent(
                failure -> {
                    throw failure;
                });
        if (!id.equals(KNOWN_ID)) {
            throw new UpstreamFailure(
                    UpstreamFailure.Kind.NOT_FOUND,
                    "no property with id " + id,
                    Optional.empty(),
                    null);
        }
    }

    @Override
    public SearchPage search(SearchRequest request, String requestId) {
        enter(requestId, KNOWN_ID);
        return new SearchPage(List.of(property(KNOWN_ID)), 1, null);
    }

    @Override
    public Property property(String id, String requestId) {
        enter(requestId, id);
        return property(id);
    }

    @Override
    public BulkResult bulk(List<String> ids, String requestId) {
        enter(requestId, KNOWN_ID);
        return new BulkResult(List.of(property(KNOWN_ID)), List.of());
    }

    @Override
    public Valuation valuation(String propertyId, String requestId) {
        enter(requestId, propertyId);
        return valuation();
    }

    private static Valuation valuation() {
        return new Valuation(
                KNOWN_ID,
                "1234 Oak St, Springfield, IL 62704",
                260_000,
                240_000,
                280_000,
                0.8,
                LocalDate.of(2026, 12, 1));
    }

    @Override
    public Valuation valuationByAddress(String address, String requestId) {
        enter(requestId, address.startsWith("1234 Oak St") ? KNOWN_ID : "none");
        return valuation();
    }

    @Override
    public Demographics demographics(Property property, String requestId) {
        enter(requestId, property.id());
        return new Demographics(
                "62704", "Springfield", "IL", 40_000, 60_000, 38.5, 16_000, 0.6, 180_000L, 0.04);
    }

    @Override
    public Schools schools(Property property, String requestId) {
        enter(requestId, property.id());
        return new Schools(List.of());
    }

    @Override
    public EnrichedProperty enrich(Property property, String requestId) {
        enter(requestId, property.id());
        return new EnrichedProperty(
                property,
                Optional.of(valuation()),
                Optional.empty(),
                Optional.of(new Schools(List.of())),
                List.of("demographics"));
    }
}
