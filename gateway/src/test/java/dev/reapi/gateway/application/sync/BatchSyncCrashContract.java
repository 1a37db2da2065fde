package dev.reapi.gateway.application.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.reapi.client.Provider;
import dev.reapi.client.model.Property;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiSyncCheckpointStore;
import dev.reapi.gateway.domain.sync.SyncCheckpoint;
import dev.reapi.gateway.testing.MutableClock;
import dev.reapi.sandbox.MarketChange;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A batch sync (the updated feed on v1, the change files on v2) in a real child process killed with
 * SIGKILL in the middle of a page, then run again: the replica ends equal to the sandbox and each
 * change is recorded once.
 */
abstract class BatchSyncCrashContract {

    @TempDir Path dir;

    abstract Database.Dialect dialect();

    @ParameterizedTest
    @EnumSource(Provider.class)
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void run_killedMidPageThenRestarted_convergesWithEachChangeOnce(Provider provider)
            throws Exception {
        var clock = new MutableClock(Instant.parse("2026-11-10T12:00:00Z"));
        try (Sandbox sandbox =
                        Sandbox.start(
                                SandboxOptions.defaults()
                                        .withPort(0)
                                        .withProperties(300)
                                        .withClock(clock));
                SyncRig rig = new SyncRig(dialect(), dir, sandbox, provider, clock)) {
            rig.sync(100).run(SyncStart.full(), SyncProgress.Listener.none());
            List<MarketChange> moved = sandbox.tick(80);
            // On v2 the changes are read from the day's change files, published after midnight.
            clock.advance(Duration.ofHours(13));
            var checkpoints = new JdbiSyncCheckpointStore(rig.db);
            String name =
                    provider == Provider.V1 ? BatchSync.CHECKPOINT : ChangeFileSync.CHECKPOINT;
            Set<String> cursors = new HashSet<>();

            Process first = startChild(rig.url, sandbox.baseUrl(), provider, clock.instant());
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(20))
                    .until(
                            () -> {
                                checkpoints
                                        .find(name)
                                        .filter(SyncCheckpoint::inProgress)
                                        .ifPresent(c -> cursors.add(c.cursor()));
                                return cursors.size() >= 3;
                            });
            first.destroyForcibly().waitFor();
            assertThat(checkpoints.find(name).orElseThrow().inProgress()).isTrue();

            Process second = startChild(rig.url, sandbox.baseUrl(), provider, clock.instant());
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

    private static Process startChild(String url, String sandboxUrl, Provider provider, Instant now)
            throws IOException {
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
                                "150",
                                provider.name(),
                                now.toString())
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
