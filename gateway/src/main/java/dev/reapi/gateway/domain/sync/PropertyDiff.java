package dev.reapi.gateway.domain.sync;

import dev.reapi.client.model.Property;
import dev.reapi.client.model.PropertyStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tracked-field difference between the replica's version of a property and an incoming one.
 * Stateless and thread-safe.
 */
public final class PropertyDiff {

    private PropertyDiff() {}

    /**
     * Whether {@code incoming} may replace {@code stored}: its upstream {@code updated_at} is not
     * older. An equal version is accepted because a webhook may have patched one field at that
     * version and left the others behind; the diff of an identical record is empty anyway.
     */
    public static boolean supersedes(Instant incoming, Instant stored) {
        return !incoming.isBefore(stored);
    }

    /**
     * Every tracked field that differs, versioned with {@code incoming.updatedAt()}, in {@link
     * TrackedField} order. Empty when {@code incoming} is older than {@code stored}.
     */
    public static List<PropertyChange> between(
            Property stored, Property incoming, ChangeSource source, Instant observedAt) {
        Objects.requireNonNull(source, "source");
        if (!stored.id().equals(incoming.id())) {
            throw new IllegalArgumentException(
                    "cannot diff two properties: " + stored.id() + " and " + incoming.id());
        }
        if (!supersedes(incoming.updatedAt(), stored.updatedAt())) {
            return List.of();
        }
        List<PropertyChange> changes = new ArrayList<>();
        for (TrackedField field : TrackedField.values()) {
            String before = field.valueOf(stored);
            String after = field.valueOf(incoming);
            if (!before.equals(after)) {
                changes.add(
                        new PropertyChange(
                                incoming.id(),
                                field,
                                before,
                                after,
                                incoming.updatedAt(),
                                source,
                                observedAt));
            }
        }
        return List.copyOf(changes);
    }

    /** Whether the change makes the property sold, which can change search answers widely. */
    public static boolean becameSold(List<PropertyChange> changes) {
        return changes.stream()
                .anyMatch(
                        c ->
                                c.field() == TrackedField.STATUS
                                        && c.newValue().equals(PropertyStatus.SOLD.wireName()));
    }

    /** {@code property} with a new price at {@code version}, as a price webhook describes it. */
    public static Property withPrice(Property property, long price, Instant version) {
        return copy(property, property.status(), price, version);
    }

    /** {@code property} with a new status at {@code version}, as a status webhook describes it. */
    public static Property withStatus(Property property, PropertyStatus status, Instant version) {
        return copy(property, status, property.price(), version);
    }

    /** {@code property} stamped with another {@code updated_at}, nothing else changed. */
    public static Property withVersion(Property property, Instant version) {
        return copy(property, property.status(), property.price(), version);
    }

    private static Property copy(Property p, PropertyStatus status, long price, Instant updatedAt) {
        return new Property(
                p.id(),
                p.address(),
                p.coordinates(),
                p.propertyType(),
                status,
                price,
                p.beds(),
                p.baths(),
                p.livingAreaSqft(),
                p.lotSizeSqft(),
                p.yearBuilt(),
                p.listingDate(),
                p.daysOnMarket(),
                p.lastSale(),
                p.taxAssessment(),
                updatedAt);
    }
}
