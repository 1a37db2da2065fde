package dev.reapi.gateway.application.sync;

import dev.reapi.client.Provider;
import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.model.ChangeFile;
import dev.reapi.client.model.ChangeRow;
import dev.reapi.client.model.UpdatedPage;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiChangeLogStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiReplicaStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiSyncCheckpointStore;
import dev.reapi.gateway.adapter.out.upstream.ClientChangeFiles;
import dev.reapi.gateway.adapter.out.upstream.ClientPropertySource;
import dev.reapi.gateway.adapter.out.upstream.ClientUpdatedFeed;
import dev.reapi.gateway.application.port.out.ChangeFiles;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.port.out.UpdatedFeed;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A batch sync in its own process, for the crash test: resumes from the checkpoint, pauses inside
 * each page (after the upstream answered, before the page is committed) so that a kill lands
 * mid-page, prints {@code done} at the end.
 *
 * <p>Arguments: the JDBC URL, the sandbox's base URL, the page size, the pause in milliseconds, the
 * provider ({@code V1} or {@code V2}) and the current instant (the sandbox's clock, which a v2
 * sync's "yesterday" depends on).
 */
final class BatchSyncCrashChild {

    private BatchSyncCrashChild() {}

    public static void main(String[] args) {
        int pageSize = Integer.parseInt(args[2]);
        long pause = Long.parseLong(args[3]);
        Provider provider = Provider.valueOf(args[4]);
        Clock clock = Clock.fixed(Instant.parse(args[5]), ZoneOffset.UTC);
        try (Database db = Database.open(args[0]);
                RealEstateApiClient client =
                        RealEstateApiClient.builder()
                                .provider(provider)
                                .apiKey("sandbox")
                                .baseUrl(args[1])
                                .maxAttempts(1)
                                .withoutCircuitBreaker()
                                .clock(clock)
                                .build()) {
            var log = new JdbiChangeLogStore(db);
            var applier = new ChangeApplier(log, SyncRig.CODEC, ChangeHook.none(), clock);
            var checkpoints = new JdbiSyncCheckpointStore(db);
            ReplicaSync sync;
            if (provider == Provider.V1) {
                sync =
                        new BatchSync(
                                paused(new ClientUpdatedFeed(client), pause),
                                applier,
                                checkpoints,
                                new BatchSync.Settings(pageSize, Duration.ofHours(1)),
                                clock,
                                new SimpleMeterRegistry());
            } else {
                var source = new ClientPropertySource(client, clock);
                sync =
                        new ChangeFileSync(
                                slowed(new ClientChangeFiles(client, source), pause / pageSize),
                                source,
                                applier,
                                new DeletionSweep(
                                        new JdbiReplicaStore(db),
                                        log,
                                        SyncRig.CODEC,
                                        ChangeHook.none(),
                                        clock),
                                checkpoints,
                                new ChangeFileSync.Settings(pageSize, 1),
                                clock,
                                new SimpleMeterRegistry());
            }
            sync.run(SyncStart.resume(), SyncProgress.Listener.none());
        }
        System.out.println("done");
        System.out.flush();
    }

    /** {@code feed} pausing after each page, so that the sync is killed mid-run. */
    private static UpdatedFeed paused(UpdatedFeed feed, long pause) {
        return new UpdatedFeed() {
            @Override
            public UpdatedPage page(Instant since, @Nullable String cursor, int limit) {
                UpdatedPage page = feed.page(since, cursor, limit);
                pause(pause);
                return page;
            }

            @Override
            public Page pageWithJson(Instant since, @Nullable String cursor, int limit) {
                Page page = feed.pageWithJson(since, cursor, limit);
                pause(pause);
                return page;
            }
        };
    }

    /** {@code files} pausing after each row, so that a page takes a while to gather. */
    private static ChangeFiles slowed(ChangeFiles files, long perRow) {
        return new ChangeFiles() {
            @Override
            public Optional<List<ChangeFile>> files(LocalDate day) {
                return files.files(day);
            }

            @Override
            public Stream<ChangeRow> rows(ChangeFile file) {
                return files.rows(file).peek(row -> pause(perRow));
            }
        };
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
