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
     * writers) with the latest recorded version of each of their tracked fields, asks {@code
     * decide} what to write, and writes it. A replica row is only written when it is not older than
     * the stored one; a change already recorded is skipped.
     *
     * @param decide pure: called once, inside the transaction, with what is stored, by id
     */
    Committed commit(Collection<String> propertyIds, Function<Map<String, Stored>, Writes> decide);

    /** A property's recorded changes, oldest version first; all tracked fields when empty. */
    List<PropertyChange> history(String propertyId, Optional<TrackedField> field, int limit);

    /**
     * A replica row with the versions of its fields' last recorded changes. A webhook patches one
     * field without changing the row's version, so a field can be newer than its row.
     *
     * @param row the replica row; its {@code updatedAt} is the version of the last full record
     * @param fieldVersions the newest recorded change version per field (absent: none recorded)
     */
    record Stored(ReplicatedProperty row, Map<TrackedField, Instant> fieldVersions) {

        public Stored {
            Objects.requireNonNull(row, "row");
            fieldVersions = Map.copyOf(fieldVersions);
        }

        /** The version of {@code field}: its last recorded change, or the row's if newer. */
        public Instant versionOf(TrackedField field) {
            Instant changed = fieldVersions.get(field);
            return changed == null || changed.isBefore(row.updatedAt()) ? row.updatedAt() : changed;
        }
    }

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
