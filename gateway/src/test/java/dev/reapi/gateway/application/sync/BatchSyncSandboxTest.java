package dev.reapi.gateway.application.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.client.model.Property;
import dev.reapi.client.model.UpdatedJsonPage;
import dev.reapi.client.model.UpdatedRequest;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiReplicaStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiSyncCheckpointStore;
import dev.reapi.gateway.domain.sync.SyncCheckpoint;
import dev.reapi.sandbox.MarketChange;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BatchSyncSandboxTest {

    private static final int PROPERTIES = 300;
    private static final int PAGE = 50;

    private static Sandbox sandbox;

    @TempDir Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withProperties(PROPERTIES).withSeed(11));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void run_interruptedAndResumed_convergesWithoutLossOrRepeats(Database.Dialect dialect)
            throws Exception {
        try (var rig = new SyncRig(dialect, dir, sandbox)) {
            BatchSync sync = rig.batch(PAGE);

            assertThatThrownBy(
                            () ->
                                    sync.run(
                                            SyncStart.full(),
                                            p -> {
                                                if (p.pages() == 2) {
                                                    throw new IllegalStateException("crash");
                                                }
                                            }))
                    .hasMessage("crash");
            SyncCheckpoint interrupted =
                    new JdbiSyncCheckpointStore(rig.db).find(BatchSync.CHECKPOINT).orElseThrow();
            Set<String> seen =
                    rig.truth().keySet().stream()
                            .filter(id -> rig.replica(id).isPresent())
                            .collect(Collectors.toSet());
            Set<String> changed =
                    sandbox.tick(20).stream()
                            .map(MarketChange::propertyId)
                            .collect(Collectors.toSet());
            SyncProgress resumed = sync.run(SyncStart.resume(), SyncProgress.Listener.none());
            SyncProgress again = sync.run(SyncStart.resume(), SyncProgress.Listener.none());

            assertThat(interrupted.inProgress()).isTrue();
            assertThat(seen).hasSize(2 * PAGE);
            Set<String> changedSeen =
                    changed.stream().filter(seen::contains).collect(Collectors.toSet());
            // Only the pages after the cursor are read again, plus the seen properties that
            // changed since (the feed serves a changed property again at its new position).
            assertThat(resumed.properties()).isEqualTo(PROPERTIES - 2 * PAGE + changedSeen.size());
            Map<String, Property> truth = rig.truth();
            assertThat(truth.values())
                    .allSatisfy(
                            p ->
                                    assertThat(SyncRig.tracked(rig.replica(p.id()).orElseThrow()))
                                            .isEqualTo(SyncRig.tracked(p)));
            Map<String, Integer> counts = rig.changeCounts(truth.keySet());
            assertThat(counts.values()).containsOnly(1);
            Set<String> recordedFor =
                    counts.keySet().stream()
                            .map(k -> k.substring(0, k.indexOf('/')))
                            .collect(Collectors.toSet());
            assertThat(recordedFor)
                    .isEqualTo(changed.stream().filter(seen::contains).collect(Collectors.toSet()));
            assertThat(again.changes()).isZero();
            assertThat(rig.meters.get("reapi.sync.pages").counter().count())
                    .isEqualTo((double) (2 + resumed.pages() + again.pages()));
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void run_full_storesEachNewPropertysJsonAsTheFeedServedIt(Database.Dialect dialect) {
        try (var rig = new SyncRig(dialect, dir, sandbox)) {
            rig.batch(PAGE).run(SyncStart.full(), SyncProgress.Listener.none());

            UpdatedJsonPage served =
                    rig.client.getUpdatedWithJson(new UpdatedRequest(Instant.EPOCH, null, PAGE));
            var replica = new JdbiReplicaStore(rig.db);
            for (int i = 0; i < PAGE; i++) {
                Property property = served.page().properties().get(i);
                assertThat(replica.find(property.id()).orElseThrow().json())
                        .isEqualTo(served.propertyJson().get(i));
                assertThat(rig.replica(property.id())).contains(property);
            }
        }
    }
}
