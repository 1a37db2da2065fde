package dev.reapi.gateway.application.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.client.model.ChangeFile;
import dev.reapi.client.model.ChangeRow;
import dev.reapi.client.model.Property;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiChangeLogStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiReplicaStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiSyncCheckpointStore;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.port.out.UpstreamFailure;
import dev.reapi.gateway.domain.sync.ChangeSource;
import dev.reapi.gateway.domain.sync.PropertyChange;
import dev.reapi.gateway.domain.sync.SyncCheckpoint;
import dev.reapi.gateway.domain.sync.TrackedField;
import dev.reapi.gateway.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Change-file sync against a seeded fake upstream, on SQLite. */
class ChangeFileSyncTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 11, 7);
    private static final int DAYS = 3;
    private static final int PAGE = 4;

    @TempDir Path dir;

    private final MutableClock clock =
            new MutableClock(FIRST.plusDays(DAYS).atStartOfDay(ZoneOffset.UTC).toInstant());
    private final List<Rig> rigs = new ArrayList<>();

    @AfterEach
    void close() {
        rigs.forEach(Rig::close);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void run_stoppedAfterAnyChunkThenResumed_endsLikeAnUninterruptedRun(long seed) {
        Rig whole = rig("whole", seed);
        long chunks =
                whole.sync().run(SyncStart.since(at(FIRST)), SyncProgress.Listener.none()).pages();

        for (long chunk = 1; chunk <= chunks; chunk++) {
            long stopAt = chunk;
            Rig stopped = rig("stopped-" + chunk, seed);
            assertThatThrownBy(
                            () ->
                                    stopped.sync()
                                            .run(
                                                    SyncStart.since(at(FIRST)),
                                                    progress -> {
                                                        if (progress.pages() == stopAt) {
                                                            throw new IllegalStateException(
                                                                    "crash");
                                                        }
                                                    }))
                    .hasMessage("crash");
            stopped.sync().run(SyncStart.resume(), SyncProgress.Listener.none());

            assertThat(stopped.state())
                    .as("stopped after chunk %d", chunk)
                    .isEqualTo(whole.state());
            assertThat(stopped.checkpoint()).isEqualTo(whole.checkpoint());
            rigs.remove(stopped);
            stopped.close();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void run_bulkFailsMidRunThenResumed_endsLikeAnUninterruptedRunAskingEachIdAgainOnlyOnce(
            long seed) {
        Rig whole = rig("whole", seed);
        whole.sync().run(SyncStart.since(at(FIRST)), SyncProgress.Listener.none());
        Rig failed = rig("failed", seed);
        failed.upstream.failBulkCall = 3;

        assertThatThrownBy(
                        () ->
                                failed.sync()
                                        .run(
                                                SyncStart.since(at(FIRST)),
                                                SyncProgress.Listener.none()))
                .isInstanceOf(UpstreamFailure.class);
        failed.sync().run(SyncStart.resume(), SyncProgress.Listener.none());

        assertThat(failed.state()).isEqualTo(whole.state());
        List<List<String>> calls = new ArrayList<>(failed.upstream.bulkCalls);
        calls.remove(2);
        assertThat(calls).isEqualTo(whole.upstream.bulkCalls);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void run_linkExpiresMidFile_asksForFreshLinksAndResumesAtTheRow(long seed) {
        Rig whole = rig("whole", seed);
        whole.sync().run(SyncStart.since(at(FIRST)), SyncProgress.Listener.none());
        Rig expiring = rig("expiring", seed);
        LocalDate day = FIRST.plusDays(1);
        List<ChangeRow> modified = expiring.upstream.rows(day, ChangeFile.Kind.MODIFIED);
        String name = day.toString().replace("-", "") + "_modified.csv";
        expiring.upstream.expireAfter.put(name, modified.size() - 1);

        expiring.sync().run(SyncStart.since(at(FIRST)), SyncProgress.Listener.none());

        assertThat(expiring.state()).isEqualTo(whole.state());
        assertThat(expiring.upstream.bulkCalls).isEqualTo(whole.upstream.bulkCalls);
        assertThat(expiring.upstream.listings).containsSubsequence(day, day);
    }

    @Test
    void run_anIdInEveryDaysFile_endsAtItsLatestVersionWithEachChangeOnce() {
        Rig rig = rig("every-day", 7);
        String id = rig.upstream.initial.getFirst().id();

        rig.sync().run(SyncStart.since(at(FIRST)), SyncProgress.Listener.none());

        for (LocalDate day : rig.upstream.days()) {
            assertThat(rig.upstream.rows(day, ChangeFile.Kind.MODIFIED))
                    .extracting(ChangeRow::propertyId)
                    .contains(id);
        }
        Property latest = rig.upstream.current.get(id);
        assertThat(rig.replica.find(id).map(r -> SyncRig.CODEC.decode(r.json()))).contains(latest);
        assertThat(rig.log.history(id, Optional.of(TrackedField.PRICE), 100))
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.newValue()).isEqualTo(Long.toString(latest.price()));
                            assertThat(c.version()).isEqualTo(latest.updatedAt());
                            assertThat(c.source()).isEqualTo(ChangeSource.BATCH);
                        });
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void run_deleteFiles_markTheirPropertiesDeletedWithOneRecordedChangeEach(long seed) {
        Rig rig = rig("deletes", seed);

        rig.sync().run(SyncStart.since(at(FIRST)), SyncProgress.Listener.none());
        rig.sync().run(SyncStart.since(at(FIRST)), SyncProgress.Listener.none());

        for (LocalDate day : rig.upstream.days()) {
            for (ChangeRow row : rig.upstream.rows(day, ChangeFile.Kind.DELETED)) {
                String id = row.propertyId();
                assertThat(rig.replica.find(id)).as(id).isEmpty();
                if (id.compareTo("P%09d".formatted(FakeChangeUpstream.INITIAL)) <= 0) {
                    assertThat(rig.replica.deletedAt(id)).as(id).isPresent();
                    assertThat(rig.log.history(id, Optional.of(TrackedField.STATUS), 10))
                            .singleElement()
                            .satisfies(
                                    c -> {
                                        assertThat(c.newValue()).isEqualTo(DeletionSweep.DELETED);
                                        assertThat(c.version()).isEqualTo(row.lastUpdateDate());
                                    });
                }
            }
        }
        assertThat(rig.replicated())
                .isEqualTo(rig.upstream.current.keySet().stream().sorted().toList());
    }

    @Test
    void run_aDayNotPublishedYet_endsTheRunThereAndTheNextRunStartsAtIt() {
        Rig rig = rig("unpublished", 11);
        LocalDate last = FIRST.plusDays(DAYS - 1);
        rig.upstream.publishedBefore = last;

        SyncProgress first =
                rig.sync().run(SyncStart.since(at(FIRST)), SyncProgress.Listener.none());

        assertThat(rig.checkpoint().since()).isEqualTo(at(last));
        assertThat(rig.checkpoint().inProgress()).isFalse();
        assertThat(rig.upstream.listings).endsWith(last);
        int callsBefore = rig.upstream.bulkCalls.size();
        rig.upstream.publishedBefore = last.plusDays(1);
        rig.upstream.listings.clear();

        SyncProgress second = rig.sync().run(SyncStart.resume(), SyncProgress.Listener.none());

        assertThat(rig.upstream.listings).containsExactly(last);
        assertThat(rig.upstream.bulkCalls.subList(callsBefore, rig.upstream.bulkCalls.size()))
                .flatExtracting(ids -> ids)
                .allMatch(
                        id ->
                                rig.upstream.rows(last, ChangeFile.Kind.NEW).stream()
                                                .anyMatch(r -> r.propertyId().equals(id))
                                        || rig
                                                .upstream
                                                .rows(last, ChangeFile.Kind.MODIFIED)
                                                .stream()
                                                .anyMatch(r -> r.propertyId().equals(id)));
        assertThat(rig.checkpoint().since()).isEqualTo(at(last.plusDays(1)));
        assertThat(first.pages() + second.pages()).isPositive();
    }

    @Test
    void run_aMissingDayBeforeAPublishedOne_isSkippedWithTheRunGoingOn() {
        Rig rig = rig("gap", 13);
        LocalDate gap = FIRST.plusDays(1);
        rig.upstream.gaps.add(gap);

        rig.sync().run(SyncStart.since(at(FIRST)), SyncProgress.Listener.none());

        assertThat(rig.upstream.listings).containsExactly(FIRST, gap, FIRST.plusDays(2));
        assertThat(rig.checkpoint().since()).isEqualTo(at(FIRST.plusDays(DAYS)));
    }

    @Test
    void run_withoutCheckpoint_readsTheConfiguredDaysBeforeToday() {
        Rig rig = rig("first", 5);

        rig.sync(new ChangeFileSync.Settings(PAGE, 2))
                .run(SyncStart.resume(), SyncProgress.Listener.none());

        assertThat(rig.upstream.listings).containsExactly(FIRST.plusDays(1), FIRST.plusDays(2));
    }

    @Test
    void run_full_startsAtTheOldestDayTheUpstreamKeeps() {
        // The fake has no files that old, so the run ends at its first day.
        Rig rig = rig("full", 5);
        LocalDate today = FIRST.plusDays(DAYS);

        rig.sync().run(SyncStart.full(), SyncProgress.Listener.none());

        assertThat(rig.upstream.listings.getFirst())
                .isEqualTo(today.minusDays(ChangeFileSync.KEPT_DAYS));
    }

    @Test
    void run_progress_countsChunksPropertiesAndChangesInTheMeters() {
        Rig rig = rig("meters", 3);
        List<SyncProgress> seen = new ArrayList<>();

        SyncProgress done = rig.sync().run(SyncStart.since(at(FIRST)), seen::add);

        assertThat(seen).isNotEmpty().last().isEqualTo(done);
        assertThat(rig.meters.get("reapi.sync.pages").counter().count())
                .isEqualTo((double) done.pages());
        assertThat(rig.meters.get("reapi.sync.properties").counter().count())
                .isEqualTo((double) done.properties());
        assertThat(rig.meters.get("reapi.sync.changes").counter().count())
                .isEqualTo((double) done.changes());
    }

    @Test
    void settings_outOfRange_areRejectedNamingTheField() {
        assertThatThrownBy(() -> new ChangeFileSync.Settings(0, 1))
                .hasMessageContaining("pageSize");
        assertThatThrownBy(() -> new ChangeFileSync.Settings(1001, 1))
                .hasMessageContaining("pageSize");
        assertThatThrownBy(() -> new ChangeFileSync.Settings(500, 0))
                .hasMessageContaining("firstDays");
        assertThatThrownBy(() -> new ChangeFileSync.Settings(500, 367))
                .hasMessageContaining("firstDays");
    }

    private static Instant at(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private Rig rig(String name, long seed) {
        Rig rig = new Rig(dir.resolve(name + ".db"), new FakeChangeUpstream(seed, FIRST, DAYS));
        rigs.add(rig);
        return rig;
    }

    /** A database with the initial properties replicated, and the upstream it syncs from. */
    private final class Rig {

        final FakeChangeUpstream upstream;
        final Database db;
        final JdbiReplicaStore replica;
        final JdbiChangeLogStore log;
        final ChangeApplier applier;
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();

        Rig(Path file, FakeChangeUpstream upstream) {
            this.upstream = upstream;
            db = Database.open("jdbc:sqlite:" + file);
            replica = new JdbiReplicaStore(db);
            log = new JdbiChangeLogStore(db);
            applier = new ChangeApplier(log, SyncRig.CODEC, ChangeHook.none(), clock);
            applier.applyAll(upstream.initial, ChangeSource.READ, Optional.empty());
        }

        ChangeFileSync sync() {
            return sync(new ChangeFileSync.Settings(PAGE, 1));
        }

        ChangeFileSync sync(ChangeFileSync.Settings settings) {
            return new ChangeFileSync(
                    upstream,
                    upstream,
                    applier,
                    new DeletionSweep(replica, log, SyncRig.CODEC, ChangeHook.none(), clock),
                    new JdbiSyncCheckpointStore(db),
                    settings,
                    clock,
                    meters);
        }

        SyncCheckpoint checkpoint() {
            SyncCheckpoint c =
                    new JdbiSyncCheckpointStore(db).find(ChangeFileSync.CHECKPOINT).orElseThrow();
            return new SyncCheckpoint(
                    c.name(), c.since(), c.cursor(), c.highAt(), c.highId(), Instant.EPOCH);
        }

        /** The ids the replica serves, sorted. */
        List<String> replicated() {
            return ids().stream().filter(id -> replica.find(id).isPresent()).toList();
        }

        /** Every known id's replica row, deletion mark and history, without observation times. */
        Map<String, List<String>> state() {
            Map<String, List<String>> state = new LinkedHashMap<>();
            for (String id : ids()) {
                List<String> facts = new ArrayList<>();
                replica.find(id).ifPresent(r -> facts.add(r.json() + "@" + r.updatedAt()));
                facts.add("deleted=" + replica.deletedAt(id).isPresent());
                for (PropertyChange c : log.history(id, Optional.empty(), 1000)) {
                    facts.add(
                            c.field()
                                    + ":"
                                    + c.oldValue()
                                    + ">"
                                    + c.newValue()
                                    + "@"
                                    + c.version()
                                    + "/"
                                    + c.source());
                }
                state.put(id, facts);
            }
            return state;
        }

        private List<String> ids() {
            return IntStream.rangeClosed(1, FakeChangeUpstream.INITIAL + 4 * DAYS)
                    .mapToObj("P%09d"::formatted)
                    .toList();
        }

        void close() {
            db.close();
        }
    }
}
