package dev.reapi.gateway.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway's own copy of every property it has read from the upstream: the last answer to fall
 * back on when the upstream and the cache cannot answer. Rows are written by {@link
 * ChangeLog#commit}; this port reads them and keeps the marks of full batch syncs, which find
 * properties the upstream no longer has. Implementations are thread-safe.
 */
public interface ReplicaStore {

    /** The replicated property with this id, or empty when there is none or it was deleted. */
    Optional<ReplicatedProperty> find(String propertyId);

    /** When a full sync found {@code propertyId} deleted upstream; empty while it exists. */
    Optional<Instant> deletedAt(String propertyId);

    /**
     * Marks {@code propertyIds} as seen by the full run that started at {@code runStart}, and as
     * not deleted. Ids the replica does not hold are ignored.
     */
    void markSeen(Collection<String> propertyIds, Instant runStart);

    /**
     * Up to {@code limit} ids of properties neither deleted nor seen by the full run that started
     * at {@code runStart}, nor written since it started.
     */
    List<String> unseen(Instant runStart, int limit);

    /** Marks {@code propertyIds} deleted at {@code at}. */
    void markDeleted(Collection<String> propertyIds, Instant at);

    /** The start of the full run in progress, if one was begun and not ended. */
    Optional<Instant> fullRunStart();

    /** Stores {@code runStart} as the start of the full run in progress. */
    void beginFullRun(Instant runStart);

    /** Forgets the full run in progress. */
    void endFullRun();

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
