package dev.reapi.gateway.application.sync;

import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.model.UpdatedPage;
import dev.reapi.client.model.UpdatedRequest;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiChangeLogStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiSyncCheckpointStore;
import dev.reapi.gateway.application.port.out.ChangeHook;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * A batch sync in its own process, for the crash test: resumes from the checkpoint, pauses inside
 * each page (after the feed answered, before the page is committed) so that a kill lands mid-page,
 * prints {@code done} at the end.
 *
 * <p>Arguments: the JDBC URL, the sandbox's base URL, the page size, the pause in milliseconds.
 */
final class BatchSyncCrashChild {

    private BatchSyncCrashChild() {}

    public static void main(String[] args) {
        long pause = Long.parseLong(args[3]);
        try (Database db = Database.open(args[0]);
                RealEstateApiClient client =
                        RealEstateApiClient.builder()
                                .apiKey("sandbox")
                                .baseUrl(args[1])
                                .maxAttempts(1)
                                .withoutCircuitBreaker()
                                .build()) {
            var applier =
                    new ChangeApplier(
                            new JdbiChangeLogStore(db),
                            SyncRig.CODEC,
                            ChangeHook.none(),
                            Clock.systemUTC());
            var sync =
                    new BatchSync(
                            (since, cursor, limit) -> {
                                UpdatedPage page =
                                        client.getUpdated(new UpdatedRequest(since, cursor, limit));
                                pause(pause);
                                return page;
                            },
                            applier,
                            new JdbiSyncCheckpointStore(db),
                            new BatchSync.Settings(Integer.parseInt(args[2]), Duration.ofHours(1)),
                            Clock.systemUTC(),
                            new SimpleMeterRegistry());
            sync.run(SyncStart.resume(), SyncProgress.Listener.none());
        }
        System.out.println("done");
        System.out.flush();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
