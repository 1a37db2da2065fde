package dev.reapi.gateway.domain.sync;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a batch sync stands, committed with each page so that a restarted run resumes there.
 *
 * @param name which sync, e.g. {@code batch}
 * @param since the {@code since} of the run in progress (the feed's cursor is bound to it)
 * @param cursor the feed cursor to continue from; null when the last run finished
 * @param highAt the highest upstream {@code updated_at} committed so far
 * @param highId the property id that goes with {@code highAt} (ties are ordered by id)
 * @param updatedAt when the checkpoint was written
 */
public record SyncCheckpoint(
        String name,
        Instant since,
        @Nullable String cursor,
        Instant highAt,
        String highId,
        Instant updatedAt) {

    public SyncCheckpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(highAt, "highAt");
        Objects.requireNonNull(highId, "highId");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!name.matches("[a-z][a-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("checkpoint name is malformed: '" + name + "'");
        }
    }

    /** Whether a run is in progress (a cursor to continue from). */
    public boolean inProgress() {
        return cursor != null;
    }
}
