package dev.reapi.gateway.domain.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded change of a tracked field. {@code (propertyId, field, newValue, version)} identifies
 * it: recording the same change again, from any source, is a no-op.
 *
 * @param propertyId the upstream id
 * @param field which field changed
 * @param oldValue the replica's value before, empty string when absent
 * @param newValue the value after, empty string when absent
 * @param version the upstream {@code updated_at} (or a webhook's {@code changed_at}) of the change
 * @param source how the gateway learned of it
 * @param observedAt when the gateway recorded it
 */
public record PropertyChange(
        String propertyId,
        TrackedField field,
        String oldValue,
        String newValue,
        Instant version,
        ChangeSource source,
        Instant observedAt) {

    public PropertyChange {
        Objects.requireNonNull(propertyId, "propertyId");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(oldValue, "oldValue");
        Objects.requireNonNull(newValue, "newValue");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(observedAt, "observedAt");
        if (propertyId.isBlank()) {
            throw new IllegalArgumentException("propertyId must not be blank");
        }
        if (oldValue.equals(newValue)) {
            throw new IllegalArgumentException(
                    "a change of "
                            + field.wireName()
                            + " needs two values, both were '"
                            + newValue
                            + "'");
        }
    }
}
