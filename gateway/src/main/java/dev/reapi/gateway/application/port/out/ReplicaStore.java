package dev.reapi.gateway.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway's own copy of every property it has read from the upstream: the last answer to fall
 * back on when the upstream and the cache cannot answer. Implementations are thread-safe.
 */
public interface ReplicaStore {

    /**
     * Stores {@code property} unless the replica already holds a version with a later upstream
     * {@code updatedAt}.
     *
     * @return whether it was stored
     */
    boolean upsert(ReplicatedProperty property);

    /**
     * Upserts every property like {@link #upsert}, in one transaction.
     *
     * @return how many were stored
     */
    int upsertAll(List<ReplicatedProperty> properties);

    /** The replicated property with this id, or empty. */
    Optional<ReplicatedProperty> find(String propertyId);

    /**
     * One replicated property.
     *
     * @param propertyId the upstream id
     * @param json the property as the upstream sent it
     * @param updatedAt when the upstream last changed it
     * @param fetchedAt when the gateway last read it from the upstream
     */
    record ReplicatedProperty(
            String propertyId, String json, Instant updatedAt, Instant fetchedAt) {

        public ReplicatedProperty {
            Objects.requireNonNull(propertyId, "propertyId");
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(updatedAt, "updatedAt");
            Objects.requireNonNull(fetchedAt, "fetchedAt");
            if (propertyId.isBlank()) {
                throw new IllegalArgumentException("propertyId must not be blank");
            }
        }
    }
}
