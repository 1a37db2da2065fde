package dev.reapi.gateway.domain.sync;

import dev.reapi.client.model.Address;
import dev.reapi.client.model.Coordinates;
import dev.reapi.client.model.LastSale;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.PropertyStatus;
import dev.reapi.client.model.PropertyType;
import java.time.Instant;
import java.time.LocalDate;

/** Properties for sync tests. */
public final class SyncFixtures {

    /** The version of {@link #listed}. */
    public static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private SyncFixtures() {}

    /** An active listing at $250,000, version {@link #T0}. */
    public static Property listed(String id) {
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
                LocalDate.of(2026, 10, 1),
                31,
                new LastSale(LocalDate.of(2015, 6, 1), 180_000),
                null,
                T0);
    }

    /** {@code p} sold for {@code price} at {@code at}: no listing, a new last sale. */
    public static Property sold(Property p, long price, Instant at) {
        return new Property(
                p.id(),
                p.address(),
                p.coordinates(),
                p.propertyType(),
                PropertyStatus.SOLD,
                price,
                p.beds(),
                p.baths(),
                p.livingAreaSqft(),
                p.lotSizeSqft(),
                p.yearBuilt(),
                null,
                null,
                new LastSale(LocalDate.of(2026, 11, 20), price),
                p.taxAssessment(),
                at);
    }
}
