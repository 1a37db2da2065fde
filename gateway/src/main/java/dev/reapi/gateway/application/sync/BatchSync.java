package dev.reapi.gateway.application.sync;

import dev.reapi.client.model.Property;
import dev.reapi.client.model.UpdatedPage;
import dev.reapi.gateway.application.port.out.ChangeLog.Committed;
import dev.reapi.gateway.application.port.out.SyncCheckpoints;
import dev.reapi.gateway.application.port.out.UpdatedFeed;
import dev.reapi.gateway.domain.sync.ChangeSource;
import dev.reapi.gateway.domain.sync.SyncCheckpoint;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages the upstream's updated feed into the replica. Each page is applied in one transaction with
 * the checkpoint (the feed cursor and the highest (updated_at, id) so far), so a run stopped at any
 * point (crash, upstream failure, a throwing listener) resumes after the last committed page, and a
 * page applied twice records nothing twice.
 *
 * <p>{@link SyncStart#resume()} (what the schedule uses) continues an interrupted run from its
 * cursor, or starts a new one at the last high-water mark minus the lookback window (default 1
 * hour; it absorbs upstream clock skew and late commits), or from the beginning when there is none.
 * Runs must not overlap: the schedule runs on one instance at a time; a manual run should not be
 * started while the gateway's schedule may run. A full run (from the feed's beginning) with a
 * {@link DeletionSweep} also marks the properties it did not see deleted. Meters: {@code
 * reapi.sync.pages}, {@code reapi.sync.properties}, {@code reapi.sync.changes} (counters).
 * Thread-safe, one run at a time.
 */
public final class BatchSync implements ReplicaSync {

    /** The checkpoint name of batch sync. */
    public static final String CHECKPOINT = "batch";

    private static final Logger LOG = LoggerFactory.getLogger(BatchSync.class);

    private final UpdatedFeed feed;
    private final ChangeApplier applier;
    private final SyncCheckpoints checkpoints;
    private final Settings settings;
    private final Optional<DeletionSweep> sweep;
    private final Clock clock;
    private final SyncMeters meters;

    /**
     * Settings.
     *
     * @param pageSize properties per page, 1..1000 (default 500)
     * @param lookback how far before the last high-water mark a new run starts (default 1 hour)
     */
    public record Settings(int pageSize, Duration lookback) {

        public Settings {
            Objects.requireNonNull(lookback, "lookback");
            if (pageSize < 1 || pageSize > 1000) {
                throw new IllegalArgumentException("pageSize must be 1..1000, was " + pageSize);
            }
            if (lookback.isNegative()) {
                throw new IllegalArgumentException("lookback must be >= 0, was " + lookback);
            }
        }

        /** 500 per page, 1 hour of lookback. */
        public static Settings defaults() {
            return new Settings(500, Duration.ofHours(1));
        }
    }

    /**
     * A batch sync reading {@code feed}, applying through {@code applier}, finding no deletions.
     */
    public BatchSync(
            UpdatedFeed feed,
            ChangeApplier applier,
            SyncCheckpoints checkpoints,
            Settings settings,
            Clock clock,
            MeterRegistry meters) {
        this(feed, applier, checkpoints, settings, Optional.empty(), clock, meters);
    }

    /**
     * A batch sync reading {@code feed}, applying through {@code applier}.
     *
     * @param sweep when present, a run from the beginning of the feed (a full run) marks the
     *     replica's properties it did not see deleted
     */
    public BatchSync(
            UpdatedFeed feed,
            ChangeApplier applier,
            SyncCheckpoints checkpoints,
            Settings settings,
            Optional<DeletionSweep> sweep,
            Clock clock,
            MeterRegistry meters) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sweep = Objects.requireNonNull(sweep, "sweep");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.meters = new SyncMeters(meters);
    }

    /** Runs until the feed's last page. */
    @Override
    public synchronized SyncProgress run(SyncStart start, SyncProgress.Listener listener) {
        Position position = position(start);
        Instant began = clock.instant();
        LOG.info("Batch sync started since {} ({})", position.since(), position.describe());
        Optional<Instant> fullRun =
                position.since().equals(Instant.EPOCH)
                        ? sweep.flatMap(s -> s.begin(position.cursor() != null))
                        : Optional.empty();
        var tally = new Tally(position.highAt(), position.highId());
        // The next page is fetched, encoded and (on a full run) marked seen while this one is
        // applied: the upstream's latency, parsing, encoding and the mark's round trip overlap
        // with the database's commit instead of adding up. Only reading and marking run ahead;
        // the checkpoint still follows the pages applied.
        try (ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Fetched> ahead = fetch(reader, position.since(), position.cursor(), fullRun);
            try {
                String next;
                do {
                    Fetched fetched = await(ahead);
                    UpdatedPage page = fetched.page();
                    next = page.nextCursor();
                    if (next != null) {
                        ahead = fetch(reader, position.since(), next, fullRun);
                    }
                    apply(fetched, position.since(), tally);
                    listener.pageCommitted(tally.progress(began, clock.instant()));
                } while (next != null);
            } finally {
                ahead.cancel(true);
            }
        }
        fullRun.ifPresent(runStart -> sweep.orElseThrow().finish(runStart));
        SyncProgress done = tally.progress(began, clock.instant());
        LOG.info(
                "Batch sync finished: {} pages, {} properties, {} changes in {} ms ({} per s)",
                done.pages(),
                done.properties(),
                done.changes(),
                done.elapsed().toMillis(),
                String.format(Locale.ROOT, "%.1f", done.rate()));
        return done;
    }

    /** Applies one page with the checkpoint after it, in one transaction, and counts it. */
    private void apply(Fetched fetched, Instant since, Tally tally) {
        UpdatedPage page = fetched.page();
        page.properties().stream()
                .max(Comparator.comparing(Property::updatedAt).thenComparing(Property::id))
                .filter(last -> isAfter(last, tally.highAt, tally.highId))
                .ifPresent(
                        last -> {
                            tally.highAt = last.updatedAt();
                            tally.highId = last.id();
                        });
        var checkpoint =
                new SyncCheckpoint(
                        CHECKPOINT,
                        since,
                        page.nextCursor(),
                        tally.highAt,
                        tally.highId,
                        clock.instant());
        Committed committed =
                applier.applyAll(fetched.prepared(), ChangeSource.BATCH, Optional.of(checkpoint));
        tally.pages++;
        tally.properties += page.properties().size();
        tally.changes += committed.changes().size();
        meters.committed(page.properties().size(), committed.changes().size());
        LOG.debug(
                "Batch sync page {}: {} properties, {} changes",
                tally.pages,
                tally.properties,
                tally.changes);
    }

    /**
     * Reads a page (with the properties' JSON as sent, which the replica stores as is when the feed
     * keeps it) and prepares it for the applier; on a full run (its start in {@code fullRun}) also
     * marks the page's properties seen, which must precede applying the page.
     */
    private Future<Fetched> fetch(
            ExecutorService reader,
            Instant since,
            @Nullable String cursor,
            Optional<Instant> fullRun) {
        return reader.submit(
                () -> {
                    UpdatedFeed.Page read = feed.pageWithJson(since, cursor, settings.pageSize());
                    UpdatedPage page = read.page();
                    fullRun.ifPresent(
                            runStart -> sweep.orElseThrow().seen(page.properties(), runStart));
                    return new Fetched(
                            page, applier.prepare(page.properties(), read.propertyJson()));
                });
    }

    private static Fetched await(Future<Fetched> page) {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch sync interrupted while reading a page", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("reading a page failed", e.getCause());
        }
    }

    private Position position(SyncStart start) {
        Optional<SyncCheckpoint> stored = checkpoints.find(CHECKPOINT);
        Instant highAt = stored.map(SyncCheckpoint::highAt).orElse(Instant.EPOCH);
        String highId = stored.map(SyncCheckpoint::highId).orElse("");
        return switch (start) {
            case SyncStart.Since since ->
                    new Position(since.since(), null, highAt, highId, "requested");
            case SyncStart.Resume resume -> {
                if (stored.isPresent() && stored.get().inProgress()) {
                    yield new Position(
                            stored.get().since(), stored.get().cursor(), highAt, highId, "resumed");
                }
                Instant since =
                        stored.isEmpty() ? Instant.EPOCH : highAt.minus(settings.lookback());
                yield new Position(
                        since, null, highAt, highId, stored.isEmpty() ? "first" : "next");
            }
        };
    }

    private static boolean isAfter(Property p, Instant highAt, String highId) {
        int byTime = p.updatedAt().compareTo(highAt);
        return byTime > 0 || (byTime == 0 && p.id().compareTo(highId) > 0);
    }

    /** A run's counts and high-water mark so far; confined to the running thread. */
    private static final class Tally {

        long pages;
        long properties;
        long changes;
        Instant highAt;
        String highId;

        Tally(Instant highAt, String highId) {
            this.highAt = highAt;
            this.highId = highId;
        }

        SyncProgress progress(Instant began, Instant now) {
            return new SyncProgress(pages, properties, changes, Duration.between(began, now));
        }
    }

    /** A page as read, and its properties prepared for the applier. */
    private record Fetched(UpdatedPage page, ChangeApplier.Prepared prepared) {}

    private record Position(
            Instant since, @Nullable String cursor, Instant highAt, String highId, String kind) {

        String describe() {
            return cursor == null ? kind + " run" : kind + " run at a cursor";
        }
    }
}
