package dev.reapi.client.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.Property;
import dev.reapi.client.testing.ManualDelayer;
import dev.reapi.client.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** How long a window stays open: a quiet gap of maxWait, maxHold at most, or until full. */
class PropertyBatcherWindowTest {

    private static final Duration WAIT = Duration.ofMillis(10);
    private static final Duration HOLD = Duration.ofMillis(40);
    private static final Duration MS = Duration.ofMillis(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final ManualDelayer timer = ManualDelayer.held(clock);
    private final List<List<String>> calls = new CopyOnWriteArrayList<>();

    private CompletableFuture<BulkResult> fakeBulk(List<String> ids, String requestId) {
        calls.add(List.copyOf(ids));
        List<Property> found = ids.stream().map(PropertyBatcherTest::property).toList();
        return CompletableFuture.completedFuture(new BulkResult(found, List.of()));
    }

    @Test
    void get_loneLookup_isSentOneMaxWaitAfterItArrived() {
        PropertyBatcher batcher =
                new PropertyBatcher(this::fakeBulk, PropertyBatcher.Options.defaults(), timer);
        CompletableFuture<Property> lone = batcher.get("P1");

        timer.advance(WAIT.minus(MS));
        assertThat(calls).isEmpty();
        timer.advance(MS);

        assertThat(calls).containsExactly(List.of("P1"));
        assertThat(lone.join().id()).isEqualTo("P1");
    }

    @Test
    void get_steadyTrickle_keepsTheWindowOpenUntilMaxHold() {
        PropertyBatcher batcher =
                new PropertyBatcher(this::fakeBulk, PropertyBatcher.Options.defaults(), timer);
        Instant opened = clock.instant();
        List<String> joined = new ArrayList<>();

        for (int i = 1; i <= 8; i++) {
            joined.add("P" + i);
            CompletableFuture<Property> unused = batcher.get("P" + i);
            timer.advance(Duration.ofMillis(5).minus(MS));
            assertThat(calls).isEmpty();
            timer.advance(MS);
        }

        assertThat(calls).containsExactly(joined);
        assertThat(Duration.between(opened, clock.instant())).isEqualTo(HOLD);
    }

    @Test
    void get_trickleThatStops_isSentOneMaxWaitAfterTheLastId() {
        PropertyBatcher batcher =
                new PropertyBatcher(this::fakeBulk, PropertyBatcher.Options.defaults(), timer);
        CompletableFuture<Property> unused = batcher.get("P1");
        timer.advance(Duration.ofMillis(5));
        CompletableFuture<Property> unused2 = batcher.get("P2");
        timer.advance(Duration.ofMillis(5));
        CompletableFuture<Property> unused3 = batcher.get("P3");

        timer.advance(WAIT.minus(MS));
        assertThat(calls).isEmpty();
        timer.advance(MS);

        assertThat(calls).containsExactly(List.of("P1", "P2", "P3"));
    }

    @Test
    void get_idAlreadyInTheWindow_doesNotKeepItOpen() {
        PropertyBatcher batcher =
                new PropertyBatcher(this::fakeBulk, PropertyBatcher.Options.defaults(), timer);
        CompletableFuture<Property> unused = batcher.get("P1");
        timer.advance(Duration.ofMillis(5));

        CompletableFuture<Property> again = batcher.get("P1");
        timer.advance(Duration.ofMillis(5));

        assertThat(calls).containsExactly(List.of("P1"));
        assertThat(again.join().id()).isEqualTo("P1");
    }

    @Test
    void get_trickleThatFillsTheWindow_isSentAtOnce() {
        PropertyBatcher batcher =
                new PropertyBatcher(
                        this::fakeBulk, new PropertyBatcher.Options(3, WAIT, HOLD, 1), timer);

        CompletableFuture<Property> unused = batcher.get("P1");
        timer.advance(MS);
        CompletableFuture<Property> unused2 = batcher.get("P2");
        timer.advance(MS);
        CompletableFuture<Property> unused3 = batcher.get("P3");

        assertThat(calls).containsExactly(List.of("P1", "P2", "P3"));
    }

    @Test
    void get_maxHoldBelowMaxWait_cutsEveryWindowAtMaxHold() {
        PropertyBatcher batcher =
                new PropertyBatcher(
                        this::fakeBulk,
                        new PropertyBatcher.Options(100, WAIT, Duration.ofMillis(4), 1),
                        timer);
        CompletableFuture<Property> unused = batcher.get("P1");

        timer.advance(Duration.ofMillis(4));

        assertThat(calls).containsExactly(List.of("P1"));
    }

    @Test
    void close_withAWindowHeldOpenByATrickle_flushesItAtOnce() {
        PropertyBatcher batcher =
                new PropertyBatcher(this::fakeBulk, PropertyBatcher.Options.defaults(), timer);
        CompletableFuture<Property> first = batcher.get("P1");
        timer.advance(Duration.ofMillis(5));
        CompletableFuture<Property> second = batcher.get("P2");

        batcher.close();

        assertThat(calls).containsExactly(List.of("P1", "P2"));
        assertThat(first).isCompleted();
        assertThat(second).isCompleted();
        timer.advance(HOLD);
        assertThat(calls).hasSize(1);
    }
}
