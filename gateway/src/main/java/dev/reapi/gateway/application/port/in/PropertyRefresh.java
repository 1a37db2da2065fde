package dev.reapi.gateway.application.port.in;

import dev.reapi.client.model.Property;
import dev.reapi.gateway.domain.sync.PropertyChange;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Re-reads one property from the upstream now, on a user's behalf, and records what changed.
 * Implementations are thread-safe.
 */
public interface PropertyRefresh {

    /**
     * Fetches {@code propertyId} from the upstream and applies it to the replica. The call is
     * billed to {@code userId} like a read.
     *
     * @throws dev.reapi.gateway.application.port.out.UpstreamFailure of kind {@code NOT_FOUND} when
     *     the upstream has no such property, or another kind when it fails
     * @throws dev.reapi.gateway.domain.ledger.DailyCapReachedException when the user's daily record
     *     cap is reached
     */
    Refreshed refresh(
            String propertyId, String userId, OptionalLong dailyRecordCap, String requestId);

    /**
     * A refreshed property.
     *
     * @param property the upstream's current version
     * @param changes the changes this refresh recorded (none when nothing changed, when another
     *     path recorded them first, or when the replica had not held the property)
     */
    record Refreshed(Property property, List<PropertyChange> changes) {

        public Refreshed {
            Objects.requireNonNull(property, "property");
            changes = List.copyOf(changes);
        }
    }
}
