package dev.reapi.gateway.application.port.out;

import dev.reapi.gateway.application.port.out.ReplicaStore.ReplicatedProperty;
import dev.reapi.gateway.domain.sync.InboxState;
import dev.reapi.gateway.domain.sync.PropertyChange;
import dev.reapi.gateway.domain.sync.SyncCheckpoint;
import dev.reapi.gateway.domain.sync.TrackedField;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The replica's change history, and the one transaction that keeps replica, history, webhook inbox
 * and sync checkpoint consistent. Implementations are thread-safe.
 */
public interface ChangeLog {

    /**
     * In one transaction: reads the replica rows of {@code propertyIds} (guarded against concurrent
     * writers), asks {@code decide} what to write, and writes it. A replica row is only written
     * when it is not older than the stored one; a change already recorded is skipped.
     *
     * @param decide pure: called once, inside the transaction, with the rows found by id
     */
    Committed commit(
            Collection<String> propertyIds,
            Function<Map<String, ReplicatedProperty>, Writes> decide);

    /** A property's recorded changes, oldest version first; all tracked fields when empty. */
    List<PropertyChange> history(String propertyId, Optional<TrackedField> field, int limit);

    /**
     * What one transaction writes.
     *
     * @param replicaRows new versions of replica rows
     * @param changes tracked-field changes to record
     * @param inboxMarks webhook events to mark as handled
     * @param checkpoint the sync checkpoint to store with the rows, if any
     */
    record Writes(
            List<ReplicatedProperty> replicaRows,
            List<PropertyChange> changes,
            List<InboxMark> inboxMarks,
            Optional<SyncCheckpoint> checkpoint) {

        public Writes {
            replicaRows = List.copyOf(replicaRows);
            changes = List.copyOf(changes);
            inboxMarks = List.copyOf(inboxMarks);
            Objects.requireNonNull(checkpoint, "checkpoint");
        }
    }

    /**
     * A webhook event's outcome.
     *
     * @param webhookId the event
     * @param state its new state (not {@link InboxState#PENDING})
     * @param at when it was handled
     */
    record InboxMark(String webhookId, InboxState state, Instant at) {

        public InboxMark {
            Objects.requireNonNull(webhookId, "webhookId");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(at, "at");
            if (state == InboxState.PENDING) {
                throw new IllegalArgumentException("an inbox mark must end the pending state");
            }
        }
    }

    /**
     * What a commit wrote.
     *
     * @param replicaRows replica rows written
     * @param changes the changes newly recorded (without those recorded before)
     */
    record Committed(int replicaRows, List<PropertyChange> changes) {

        public Committed {
            changes = List.copyOf(changes);
        }
    }
}
