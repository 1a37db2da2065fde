package dev.reapi.gateway.application.sync;

import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.ChangeFile;
import dev.reapi.client.model.ChangeRow;
import dev.reapi.gateway.application.port.out.ChangeFileLinkExpired;
import dev.reapi.gateway.application.port.out.ChangeFiles;
import dev.reapi.gateway.application.port.out.ChangeLog.Committed;
import dev.reapi.gateway.application.port.out.PropertySource;
import dev.reapi.gateway.application.port.out.SyncCheckpoints;
import dev.reapi.gateway.application.port.out.UpstreamFailure;
import dev.reapi.gateway.domain.sync.ChangeSource;
import dev.reapi.gateway.domain.sync.SyncCheckpoint;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the upstream's daily change files (v2) into the replica, day by day up to yesterday (UTC).
 * For each day it reads the new, modified and deleted files in that order, in chunks of up to the
 * page size: the details of new and modified ids are fetched in one bulk call per chunk and applied
 * through the {@link ChangeApplier} with source {@code batch}; deleted ids are marked deleted as a
 * full v1 sweep marks them. Each chunk commits, in its own transaction, the checkpoint {@value
 * #CHECKPOINT} saying how far it got (day, file, rows done, last row), so a run stopped at any
 * point resumes at the chunk after the last committed one, and a chunk applied twice records
 * nothing twice. An expired download link mid-file asks for fresh links and resumes at the row
 * after the last committed one. A day whose files are not published yet ends the run, and the next
 * run starts there; a missing day followed by a published one is skipped with a WARN.
 *
 * <p>{@link SyncStart#resume()} continues from the checkpoint, or on a first run starts {@code
 * firstDays} days before today. {@link SyncStart#since} starts at the instant's UTC day; a full run
 * at the oldest day the upstream keeps ({@value #KEPT_DAYS} days before today). Meters are those of
 * {@link BatchSync} (a chunk counts as a page). Thread-safe, one run at a time.
 */
public final class ChangeFileSync implements ReplicaSync {

    /** The checkpoint name of change-file sync. */
    public static final String CHECKPOINT = "changefiles";

    /** How many days before today the upstream keeps change files. */
    public static final int KEPT_DAYS = 366;

    /** Consecutive expired links on one file, without a chunk committed between, before failing. */
    static final int MAX_EXPIRED_LINKS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFileSync.class);

    private final ChangeFiles files;
    private final PropertySource source;
    private final ChangeApplier applier;
    private final DeletionSweep deletions;
    private final SyncCheckpoints checkpoints;
    private final Settings settings;
    private final Clock clock;
    private final SyncMeters meters;

    /**
     * Settings.
     *
     * @param pageSize rows per chunk and ids per bulk call, 1..1000 (default 500)
     * @param firstDays how many days back a run without a checkpoint starts, 1..{@value #KEPT_DAYS}
     *     (default 1: yesterday)
     */
    public record Settings(int pageSize, int firstDays) {

        public Settings {
            if (pageSize < 1 || pageSize > 1000) {
                throw new IllegalArgumentException("pageSize must be 1..1000, was " + pageSize);
            }
            if (firstDays < 1 || firstDays > KEPT_DAYS) {
                throw new IllegalArgumentException(
                        "firstDays must be 1.." + KEPT_DAYS + ", was " + firstDays);
            }
        }

        /** 500 rows per chunk; a first run reads yesterday's files. */
        public static Settings defaults() {
            return new Settings(500, 1);
        }
    }

    /**
     * A sync reading {@code files}, fetching details from {@code source}, applying through {@code
     * applier} and marking deletions through {@code deletions}.
     */
    public ChangeFileSync(
            ChangeFiles files,
            PropertySource source,
            ChangeApplier applier,
            DeletionSweep deletions,
            SyncCheckpoints checkpoints,
            Settings settings,
            Clock clock,
            MeterRegistry meters) {
        this.files = Objects.requireNonNull(files, "files");
        this.source = Objects.requireNonNull(source, "source");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.deletions = Objects.requireNonNull(deletions, "deletions");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.meters = new SyncMeters(meters);
    }

    /** Runs until yesterday's files are read or a day's files are not published yet. */
    @Override
    public synchronized SyncProgress run(SyncStart start, SyncProgress.Listener listener) {
        Instant began = clock.instant();
        LocalDate today = LocalDate.ofInstant(began, ZoneOffset.UTC);
        ChangeFilePosition from = position(start, today);
        LOG.info("Change-file sync started at {} ({})", from.describe(), describe(start));
        var run = new Run(listener, began, from);
        LocalDate day = from.day();
        Optional<List<ChangeFile>> listed = Optional.empty();
        while (day.isBefore(today)) {
            listed = listed.isPresent() ? listed : files.files(day);
            if (listed.isPresent()) {
                run.day(day, listed.get());
                listed = Optional.empty();
                day = day.plusDays(1);
                continue;
            }
            // A missing day followed by a published one is a gap, not a day still to come:
            // waiting for it would stop every later run here.
            LocalDate next = day.plusDays(1);
            listed = next.isBefore(today) ? files.files(next) : Optional.empty();
            if (listed.isEmpty()) {
                LOG.info("Change files of {} are not published yet; the run ends there", day);
                break;
            }
            LOG.warn(
                    "Change files of {} are missing while those of {} exist; skipping it",
                    day,
                    next);
            day = next;
        }
        SyncProgress done = run.progress();
        LOG.info(
                "Change-file sync finished, next at {}: {} pages, {} properties, {} changes in {}"
                        + " ms ({} per s)",
                run.position.describe(),
                done.pages(),
                done.properties(),
                done.changes(),
                done.elapsed().toMillis(),
                String.format(Locale.ROOT, "%.1f", done.rate()));
        return done;
    }

    private String describe(SyncStart start) {
        return switch (start) {
            case SyncStart.Since since when since.full() -> "full run";
            case SyncStart.Since since -> "requested since " + since.since();
            case SyncStart.Resume resume ->
                    checkpoints.find(CHECKPOINT).isPresent()
                            ? "from the checkpoint"
                            : "first run, " + settings.firstDays() + " days back";
        };
    }

    private ChangeFilePosition position(SyncStart start, LocalDate today) {
        LocalDate oldest = today.minusDays(KEPT_DAYS);
        ChangeFilePosition wanted =
                switch (start) {
                    case SyncStart.Since since when since.full() ->
                            ChangeFilePosition.startOf(oldest);
                    case SyncStart.Since since ->
                            ChangeFilePosition.startOf(
                                    LocalDate.ofInstant(since.since(), ZoneOffset.UTC));
                    case SyncStart.Resume resume ->
                            checkpoints
                                    .find(CHECKPOINT)
                                    .map(ChangeFilePosition::of)
                                    .orElseGet(
                                            () ->
                                                    ChangeFilePosition.startOf(
                                                            today.minusDays(settings.firstDays())));
                };
        if (wanted.day().isBefore(oldest)) {
            LOG.warn(
                    "Change-file sync starts at {} instead of {}: the upstream keeps change files"
                            + " for {} days; changes before that are not read",
                    oldest,
                    wanted.day(),
                    KEPT_DAYS);
            return ChangeFilePosition.startOf(oldest);
        }
        return wanted;
    }

    /** One run's state; confined to the running thread. */
    private final class Run {

        private final SyncProgress.Listener listener;
        private final Instant began;
        private ChangeFilePosition position;
        private long pages;
        private long properties;
        private long changes;

        Run(SyncProgress.Listener listener, Instant began, ChangeFilePosition position) {
            this.listener = listener;
            this.began = began;
            this.position = position;
        }

        /** Reads one day's files from the position, then commits the next day as the position. */
        void day(LocalDate day, List<ChangeFile> listed) {
            if (!position.day().equals(day)) {
                position = ChangeFilePosition.startOf(day);
            }
            int first = 0;
            if (position.file() != null) {
                first = indexOf(listed, position.file());
                if (first < 0) {
                    LOG.warn(
                            "Change file {} of {} is no longer listed; reading the day from its"
                                    + " first file",
                            position.file(),
                            day);
                    first = 0;
                    position = ChangeFilePosition.startOf(day);
                }
            }
            LOG.debug("Change files of {}: {}", day, listed.size());
            for (int i = first; i < listed.size(); i++) {
                String name = listed.get(i).filename();
                if (!name.equals(position.file())) {
                    position = position.atFile(name);
                }
                file(listed.get(i));
            }
            position = ChangeFilePosition.startOf(day.plusDays(1));
            applier.applyAll(
                    List.of(),
                    ChangeSource.BATCH,
                    Optional.of(position.checkpoint(CHECKPOINT, clock.instant())));
        }

        /** Reads one file from the position, asking for fresh links when one expires. */
        void file(ChangeFile listed) {
            ChangeFile file = listed;
            int expired = 0;
            while (true) {
                long pagesBefore = pages;
                try (Stream<ChangeRow> rows = files.rows(file)) {
                    read(file, rows.iterator());
                    return;
                } catch (ChangeFileLinkExpired e) {
                    expired = pages == pagesBefore ? expired + 1 : 1;
                    if (expired >= MAX_EXPIRED_LINKS) {
                        throw new UpstreamFailure(
                                UpstreamFailure.Kind.UNAVAILABLE,
                                "change file "
                                        + file.filename()
                                        + " expired "
                                        + expired
                                        + " times without progress",
                                Optional.empty(),
                                e);
                    }
                    LOG.info(
                            "The link of change file {} expired after {} rows; asking for fresh"
                                    + " links",
                            file.filename(),
                            position.rows());
                    file = fresh(file, e);
                }
            }
        }

        private ChangeFile fresh(ChangeFile file, ChangeFileLinkExpired expired) {
            List<ChangeFile> listed =
                    files.files(file.day()).orElseThrow(() -> unlisted(file, expired));
            int index = indexOf(listed, file.filename());
            if (index < 0) {
                throw unlisted(file, expired);
            }
            return listed.get(index);
        }

        /** Handles the rows after the position, one committed chunk at a time. */
        private void read(ChangeFile file, Iterator<ChangeRow> rows) {
            ChangeFilePosition at = position;
            long index = 0;
            List<ChangeRow> chunk = new ArrayList<>();
            while (rows.hasNext()) {
                ChangeRow row = rows.next();
                if (!at.handled(row, index)) {
                    chunk.add(row);
                }
                index++;
                if (chunk.size() == settings.pageSize()) {
                    commit(file, chunk, index);
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                commit(file, chunk, index);
            }
        }

        /** Applies a chunk with the position after its last row, {@code handled} rows in. */
        private void commit(ChangeFile file, List<ChangeRow> chunk, long handled) {
            ChangeFilePosition after = position.after(chunk.getLast(), handled);
            Optional<SyncCheckpoint> checkpoint =
                    Optional.of(after.checkpoint(CHECKPOINT, clock.instant()));
            int received;
            Committed committed;
            if (file.kind() == ChangeFile.Kind.DELETED) {
                Map<String, Instant> versions = new LinkedHashMap<>();
                Instant dayEnd = file.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                chunk.forEach(
                        row ->
                                versions.put(
                                        row.propertyId(),
                                        Objects.requireNonNullElse(row.lastUpdateDate(), dayEnd)));
                received = versions.size();
                committed = deletions.deleteListed(versions, checkpoint);
            } else {
                List<String> ids = chunk.stream().map(ChangeRow::propertyId).distinct().toList();
                BulkResult answer =
                        source.bulk(ids, "sync_" + file.filename() + "_" + position.rows());
                if (!answer.missing().isEmpty()) {
                    LOG.debug(
                            "Change file {}: {} listed ids are gone upstream",
                            file.filename(),
                            answer.missing().size());
                }
                deletions.restore(answer.properties());
                received = answer.properties().size();
                committed = applier.applyAll(answer.properties(), ChangeSource.BATCH, checkpoint);
            }
            position = after;
            pages++;
            properties += received;
            changes += committed.changes().size();
            meters.committed(received, committed.changes().size());
            listener.pageCommitted(progress());
        }

        SyncProgress progress() {
            return new SyncProgress(
                    pages, properties, changes, Duration.between(began, clock.instant()));
        }
    }

    private static int indexOf(List<ChangeFile> listed, String filename) {
        for (int i = 0; i < listed.size(); i++) {
            if (listed.get(i).filename().equals(filename)) {
                return i;
            }
        }
        return -1;
    }

    private static UpstreamFailure unlisted(ChangeFile file, ChangeFileLinkExpired expired) {
        return new UpstreamFailure(
                UpstreamFailure.Kind.UNAVAILABLE,
                "change file " + file.filename() + " is no longer listed for " + file.day(),
                Optional.empty(),
                expired);
    }
}
