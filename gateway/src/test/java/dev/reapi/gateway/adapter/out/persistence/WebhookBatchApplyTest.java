package dev.reapi.gateway.adapter.out.persistence;

import static dev.reapi.gateway.domain.sync.SyncFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.client.model.PropertyStatus;
import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.sync.ChangeApplier;
import dev.reapi.gateway.domain.sync.ChangeSource;
import dev.reapi.gateway.domain.sync.InboxState;
import dev.reapi.gateway.domain.sync.PropertyChange;
import dev.reapi.gateway.domain.sync.SyncFixtures;
import dev.reapi.gateway.domain.sync.WebhookEvent;
import dev.reapi.gateway.testing.MutableClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Applying a run of webhook events in one transaction leaves exactly what applying them one by one
 * leaves: the same replica rows, the same history, the same inbox states. Over seeded runs with
 * repeated properties, out-of-order versions, unchanged values and unknown properties.
 */
class WebhookBatchApplyTest {

    private static final List<String> KNOWN = List.of("P1", "P2", "P3");

    @TempDir Path dir;
    private final TestDatabases databases = new TestDatabases();
    private final MutableClock clock = MutableClock.standard();

    @AfterEach
    void closeDatabases() {
        databases.close();
    }

    static Stream<Arguments> runs() {
        return Stream.of(Database.Dialect.values())
                .flatMap(d -> Stream.of(1L, 2L, 3L, 4L, 5L).map(seed -> Arguments.of(d, seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("runs")
    void aBatch_leavesWhatOneByOneLeaves(Database.Dialect dialect, long seed) {
        List<WebhookEvent> events = events(new Random(seed));
        Database single = databases.open(dialect, dir.resolve("single"));
        Database batched = databases.open(dialect, dir.resolve("batched"));
        ChangeApplier one = seeded(single);
        ChangeApplier many = seeded(batched);

        Map<String, InboxState> oneByOne = new LinkedHashMap<>();
        events.forEach(e -> oneByOne.put(e.webhookId(), one.applyWebhook(e)));
        Map<String, InboxState> together = many.applyWebhooks(events);

        assertThat(together).containsExactlyEntriesOf(oneByOne);
        for (String id : KNOWN) {
            assertThat(payload(batched, id)).isEqualTo(payload(single, id));
            assertThat(history(batched, id)).isEqualTo(history(single, id));
        }
    }

    private ChangeApplier seeded(Database db) {
        var applier =
                new ChangeApplier(
                        new JdbiChangeLogStore(db),
                        JsonCodecs.propertyCodecs().property(),
                        ChangeHook.none(),
                        clock);
        applier.applyAll(
                KNOWN.stream().map(SyncFixtures::listed).toList(),
                ChangeSource.READ,
                Optional.empty());
        return applier;
    }

    /** Thirty events over the known properties and one unknown, versions jittered around T0. */
    private static List<WebhookEvent> events(Random random) {
        List<WebhookEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String property = random.nextInt(10) == 0 ? "P9" : KNOWN.get(random.nextInt(3));
            var at = T0.plusSeconds(random.nextInt(-60, 600));
            boolean price = random.nextBoolean();
            events.add(
                    new WebhookEvent(
                            "msg_" + i,
                            price
                                    ? WebhookEvent.Type.PRICE_CHANGED
                                    : WebhookEvent.Type.STATUS_CHANGED,
                            property,
                            price
                                    ? String.valueOf(240_000 + 5_000 * random.nextInt(4))
                                    : (random.nextBoolean()
                                                    ? PropertyStatus.ACTIVE
                                                    : PropertyStatus.PENDING)
                                            .wireName(),
                            at));
        }
        return events;
    }

    private static String payload(Database db, String id) {
        return new JdbiReplicaStore(db).find(id).orElseThrow().json();
    }

    private static List<String> history(Database db, String id) {
        return new JdbiChangeLogStore(db)
                .history(id, Optional.empty(), 1000).stream()
                        .map(WebhookBatchApplyTest::describe)
                        .toList();
    }

    private static String describe(PropertyChange c) {
        return c.field() + ":" + c.oldValue() + "->" + c.newValue() + "@" + c.version();
    }
}
