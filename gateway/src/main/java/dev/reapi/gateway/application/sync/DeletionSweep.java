package dev.reapi.gateway.application.sync;

import dev.reapi.client.model.Property;
import dev.reapi.gateway.application.cache.ValueCodec;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.port.out.ChangeLog;
import dev.reapi.gateway.application.port.out.ChangeLog.Committed;
import dev.reapi.gateway.application.port.out.ChangeLog.Stored;
import dev.reapi.gateway.application.port.out.ChangeLog.Writes;
import dev.reapi.gateway.application.port.out.ReplicaStore;
import dev.reapi.gateway.domain.sync.ChangeSource;
import dev.reapi.gateway.domain.sync.PropertyChange;
import dev.reapi.gateway.domain.sync.SyncCheckpoint;
import dev.reapi.gateway.domain.sync.TrackedField;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the properties a full batch sync did not see and marks them deleted in the replica. Each
 * page's ids are marked seen with the run's start before the page is applied; when the run reaches
 * the feed's end, every replica row neither seen nor written since the start is marked deleted and
 * a change of {@code status} to {@value #DELETED} is recorded at the run's start as version (so a
 * sweep repeated after a crash records nothing twice). The run's start is stored, so a run resumed
 * after a crash sweeps with the start its earlier pages were marked with. Memory does not grow with
 * the replica: the sweep reads unseen ids {@value #CHUNK} at a time. Thread-safe, one run at a
 * time.
 */
public final class DeletionSweep {

    /** The {@code status} value recorded for a property the upstream no longer has. */
    public static final String DELETED = "deleted";

    private static final int CHUNK = 500;
    private static final Logger LOG = LoggerFactory.getLogger(DeletionSweep.class);

    private final ReplicaStore replica;
    private final ChangeLog log;
    private final ValueCodec<Property> codec;
    private final ChangeHook hook;
    private final Clock clock;

    /** A sweep over {@code replica}, recording in {@code log} and telling {@code hook}. */
    public DeletionSweep(
            ReplicaStore replica,
            ChangeLog log,
            ValueCodec<Property> codec,
            ChangeHook hook,
            Clock clock) {
        this.replica = Objects.requireNonNull(replica, "replica");
        this.log = Objects.requireNonNull(log, "log");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.hook = Objects.requireNonNull(hook, "hook");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Begins a full run, or continues the stored one when {@code resumed}.
     *
     * @return the run's start, which marks its pages; empty when a resumed run has no stored start
     *     (its earlier pages were not marked, so sweeping would delete what they held)
     */
    Optional<Instant> begin(boolean resumed) {
        if (resumed) {
            Optional<Instant> stored = replica.fullRunStart();
            if (stored.isEmpty()) {
                LOG.warn("Resumed full batch sync has no recorded start; it will not sweep");
            }
            return stored;
        }
        Instant start = clock.instant();
        replica.beginFullRun(start);
        return Optional.of(start);
    }

    /** Marks a page's properties seen by the run; call before the page is applied. */
    void seen(List<Property> page, Instant runStart) {
        replica.markSeen(page.stream().map(Property::id).toList(), runStart);
    }

    /**
     * Clears the deletion mark of {@code properties}, which the upstream lists again; call before
     * they are applied. Ids the replica does not hold are ignored.
     */
    void restore(List<Property> properties) {
        replica.markSeen(properties.stream().map(Property::id).toList(), clock.instant());
    }

    /**
     * Marks every property the run did not see deleted and records the change.
     *
     * @return how many were marked
     */
    int finish(Instant runStart) {
        int deleted = 0;
        for (List<String> unseen = replica.unseen(runStart, CHUNK);
                !unseen.isEmpty();
                unseen = replica.unseen(runStart, CHUNK)) {
            Instant now = clock.instant();
            List<PropertyChange> recorded =
                    log.commit(
                                    unseen,
                                    stored -> writes(stored, id -> runStart, now, Optional.empty()))
                            .changes();
            replica.markDeleted(unseen, now);
            recorded.forEach(change -> hook.changed(change.propertyId(), true));
            deleted += unseen.size();
        }
        replica.endFullRun();
        if (deleted > 0) {
            LOG.info("Full batch sync marked {} properties deleted upstream", deleted);
        }
        return deleted;
    }

    /**
     * Marks {@code versions}' properties deleted (the upstream listed them as deleted) and records
     * each one's change of {@code status} to {@value #DELETED} at its version, with {@code
     * checkpoint} in the same transaction. The mark comes first: a crash before the commit leaves
     * the checkpoint behind it, so the next run marks and records again, and records nothing twice.
     * Ids the replica does not hold are ignored.
     *
     * @param versions the version of each property's deletion, by id
     * @return what was committed
     */
    Committed deleteListed(Map<String, Instant> versions, Optional<SyncCheckpoint> checkpoint) {
        Instant now = clock.instant();
        replica.markDeleted(versions.keySet(), now);
        Committed committed =
                log.commit(
                        versions.keySet(),
                        stored -> writes(stored, versions::get, now, checkpoint));
        committed.changes().forEach(change -> hook.changed(change.propertyId(), true));
        return committed;
    }

    private Writes writes(
            Map<String, Stored> stored,
            Function<String, Instant> version,
            Instant now,
            Optional<SyncCheckpoint> checkpoint) {
        List<PropertyChange> changes = new ArrayList<>();
        stored.forEach(
                (id, row) -> {
                    String status = TrackedField.STATUS.valueOf(codec.decode(row.row().json()));
                    changes.add(
                            new PropertyChange(
                                    id,
                                    TrackedField.STATUS,
                                    status,
                                    DELETED,
                                    version.apply(id),
                                    ChangeSource.BATCH,
                                    now));
                });
        return new Writes(List.of(), changes, List.of(), checkpoint);
    }
}
