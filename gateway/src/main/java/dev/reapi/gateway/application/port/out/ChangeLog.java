package dev.reapi.gateway.application.port.out;

import dev.reapi.gateway.application.port.out.ReplicaStore.ReplicatedProperty;
import dev.reapi.gateway.domain.notify.NewNotification;
import dev.reapi.gateway.domain.sync.InboxState;
import dev.reapi.gateway.domain.sync.PropertyChange;
import dev.reapi.gateway.domain.sync.SyncCheckpoint;
import dev.reapi.gateway.domain.sync.TrackedField;
import dev.reapi.gateway.domain.watch.Membership;
import dev.reapi.gateway.domain.watch.Watch;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The replica's change history, and the one transaction that keeps replica, history, webhook inbox,
 * sync checkpoint, watch notifications and saved-search membership consistent. Implementations are
 * thread-safe.
 */
public interface ChangeLog {

    /**
     * In one transaction: reads the replica rows of {@code propertyIds} (guarded against concurrent
     * writers) with the latest recorded version of each of their tracked fields, asks {@code
     * decide} what to write, and writes it. A replica row is only written when it is not older than
     * the stored one; a change already recorded is skipped. When the writes carry a {@link Notify},
     * it is asked, after the changes are recorded, which notifications the recorded ones (never the
     * skipped ones) cause, and those are appended to the outbox in the same transaction.
     *
     * @param decide pure: called inside the transaction with what is stored, by id; called again
     *     when the transaction lost a race with a concurrent one and is retried from the start
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
            return versionOf(fieldVersions.get(field), row.updatedAt());
        }

        /**
         * A field's version: {@code changed}, its last recorded change (null when none), or {@code
         * rowVersion}, the version of the last full record, when that is newer.
         */
        public static Instant versionOf(@Nullable Instant changed, Instant rowVersion) {
            return changed == null || changed.isBefore(rowVersion) ? rowVersion : changed;
        }
    }

    /**
     * What one transaction writes.
     *
     * @param replicaRows new versions of replica rows
     * @param changes tracked-field changes to record
     * @param inboxMarks webhook events to mark as handled
     * @param checkpoint the sync checkpoint to store with the rows, if any
     * @param notifier decides the notifications of what was recorded; empty for none
     */
    record Writes(
            List<ReplicatedProperty> replicaRows,
            List<PropertyChange> changes,
            List<InboxMark> inboxMarks,
            Optional<SyncCheckpoint> checkpoint,
            Optional<Notify> notifier) {

        public Writes {
            replicaRows = List.copyOf(replicaRows);
            changes = List.copyOf(changes);
            inboxMarks = List.copyOf(inboxMarks);
            Objects.requireNonNull(checkpoint, "checkpoint");
            Objects.requireNonNull(notifier, "notifier");
        }

        /** Writes that notify nobody. */
        public Writes(
                List<ReplicatedProperty> replicaRows,
                List<PropertyChange> changes,
                List<InboxMark> inboxMarks,
                Optional<SyncCheckpoint> checkpoint) {
            this(replicaRows, changes, inboxMarks, checkpoint, Optional.empty());
        }
    }

    /**
     * Decides, inside a commit's transaction and after its changes are recorded, whom to notify.
     */
    @FunctionalInterface
    interface Notify {

        /**
         * The notifications and membership updates caused by a commit.
         *
         * @param recorded the changes newly recorded by this commit (not those skipped as already
         *     recorded)
         * @param watchers the watches on the written properties and every saved search, as stored
         *     in this transaction
         */
        Notices decide(List<PropertyChange> recorded, Watchers watchers);
    }

    /**
     * The watches a commit may notify.
     *
     * @param propertyWatches property watches on the properties written or changed
     * @param searches every saved search
     * @param members which of those properties each saved search last contained
     */
    record Watchers(List<Watch> propertyWatches, List<Watch> searches, Set<Membership> members) {

        public Watchers {
            propertyWatches = List.copyOf(propertyWatches);
            searches = List.copyOf(searches);
            members = Set.copyOf(members);
        }
    }

    /**
     * What a commit notifies.
     *
     * @param notifications appended to the outbox; an event key already used appends nothing
     * @param joined properties that entered a saved search
     * @param left properties that left a saved search
     * @param at the time the notifications are appended at
     */
    record Notices(
            List<NewNotification> notifications,
            List<Membership> joined,
            List<Membership> left,
            Instant at) {

        public Notices {
            notifications = List.copyOf(notifications);
            joined = List.copyOf(joined);
            left = List.copyOf(left);
            Objects.requireNonNull(at, "at");
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
     * @param notifications outbox rows newly appended
     */
    record Committed(int replicaRows, List<PropertyChange> changes, int notifications) {

        public Committed {
            changes = List.copyOf(changes);
        }
    }
}
