package dev.reapi.gateway.application.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.reapi.client.model.Property;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiSyncCheckpointStore;
import dev.reapi.gateway.domain.sync.SyncCheckpoint;
import dev.reapi.sandbox.MarketChange;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch sync in a real child process killed with SIGKILL in the middle of a page, then run again:
 * the replica ends equal to the sandbox and each change is recorded once.
 */
abstract class BatchSyncCrashContract {

    @TempDir Path dir;

    abstract Database.Dialect dialect();

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void run_killedMidPageThenRestarted_convergesWithEachChangeOnce() throws Exception {
        try (Sandbox sandbox =
                        Sandbox.start(SandboxOptions.defaults().withPort(0).withProperties(300));
                SyncRig rig = new SyncRig(dialect(), dir, sandbox)) {
            rig.batch(100).run(SyncStart.full(), SyncProgress.Listener.none());
            List<MarketChange> moved = sandbox.tick(80);
            var checkpoints = new JdbiSyncCheckpointStore(rig.db);
            Set<String> cursors = new HashSet<>();

            Process first = startChild(rig.url, sandbox.baseUrl());
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(20))
                    .until(
                            () -> {
                                checkpoints
                                        .find(BatchSync.CHECKPOINT)
                                        .filter(SyncCheckpoint::inProgress)
                                        .ifPresent(c -> cursors.add(c.cursor()));
                                return cursors.size() >= 3;
                            });
            first.destroyForcibly().waitFor();
            assertThat(checkpoints.find(BatchSync.CHECKPOINT).orElseThrow().inProgress()).isTrue();

            Process second = startChild(rig.url, sandbox.baseUrl());
            assertThat(second.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(second.exitValue()).isZero();

            Map<String, Property> truth = rig.truth();
            for (Property p : truth.values()) {
                assertThat(rig.replica(p.id()).map(SyncRig::tracked))
                        .as(p.id())
                        .contains(SyncRig.tracked(p));
            }
            Map<String, Integer> counts = rig.changeCounts(truth.keySet());
            assertThat(counts.values()).allMatch(n -> n == 1);
            Set<String> changed = new HashSet<>();
            moved.forEach(c -> changed.add(c.propertyId()));
            Set<String> recorded = new HashSet<>();
            counts.keySet().forEach(k -> recorded.add(k.substring(0, k.indexOf('/'))));
            assertThat(recorded).isEqualTo(changed);
        }
    }

    private static Process startChild(String url, String sandboxUrl) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process =
                new ProcessBuilder(
                                java,
                                "--enable-native-access=ALL-UNNAMED",
                                "-cp",
                                System.getProperty("java.class.path"),
                                BatchSyncCrashChild.class.getName(),
                                url,
                                sandboxUrl,
                                "5",
                                "150")
                        .redirectErrorStream(true)
                        .start();
        var reader =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual()
                .start(
                        () -> {
                            try {
                                while (reader.readLine() != null) {
                                    // Drain the child's output so that it never blocks on it.
                                }
                            } catch (IOException e) {
                                // The child is gone; nothing left to drain.
                            }
                        });
        return process;
    }
}
