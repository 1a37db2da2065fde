package dev.reapi.client.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.client.NotFoundException;
import dev.reapi.client.UpstreamUnavailableException;
import dev.reapi.client.model.Address;
import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.Coordinates;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.PropertyStatus;
import dev.reapi.client.model.PropertyType;
import dev.reapi.client.testing.ManualDelayer;
import dev.reapi.client.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PropertyBatcherTest {

    private static final Duration WAIT = Duration.ofMillis(10);
    private static final Duration HOLD = Duration.ofMillis(40);
    private static final Duration MS = Duration.ofMillis(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final ManualDelayer timer = ManualDelayer.held(clock);
    private final List<List<String>> calls = new CopyOnWriteArrayList<>();
    private final Set<String> existing = Set.of("P1", "P2", "P3", "P4", "P5");

    private CompletableFuture<BulkResult> fakeBulk(List<String> ids, String requestId) {
        calls.add(List.copyOf(ids));
        List<Property> found =
                ids.stream().filter(existing::contains).map(id -> property(id)).toList();
        List<String> missing = ids.stream().filter(id -> !existing.contains(id)).toList();
        return CompletableFuture.completedFuture(new BulkResult(found, missing));
    }

    @Test
    void get_lookupsWithinWindow_goOutInOneBulkCallWhenTheWindowEnds() {
        PropertyBatcher batcher =
                new PropertyBatcher(
                        this::fakeBulk,
                        new PropertyBatcher.Options(100, Duration.ofMillis(10)),
                        timer);

        CompletableFuture<Property> one = batcher.get("P1");
        CompletableFuture<Property> two = batcher.get("P2");
        timer.advance(WAIT.minus(MS));
        assertThat(calls).isEmpty();

        timer.advance(MS);

        assertThat(calls).containsExactly(List.of("P1", "P2"));
        assertThat(one.join().id()).isEqualTo("P1");
        assertThat(two.join().id()).isEqualTo("P2");
    }

    @Test
    void get_sameIdTwiceInWindow_isFetchedOnce() {
        PropertyBatcher batcher =
                new PropertyBatcher(this::fakeBulk, PropertyBatcher.Options.defaults(), timer);

        CompletableFuture<Property> first = batcher.get("P3");
        CompletableFuture<Property> second = batcher.get("P3");
        timer.runAll();

        assertThat(calls).containsExactly(List.of("P3"));
        assertThat(first.join()).isEqualTo(second.join());
        assertThat(batcher.stats()).isEqualTo(new PropertyBatcher.Stats(2, 1, 1));
    }

    @Test
    void get_batchFull_flushesAtOnceWithoutWaiting() {
        PropertyBatcher batcher =
                new PropertyBatcher(
                        this::fakeBulk,
                        new PropertyBatcher.Options(2, Duration.ofSeconds(1)),
                        timer);

        List<CompletableFuture<Property>> lookups =
                List.of(batcher.get("P1"), batcher.get("P2"), batcher.get("P3"));

        assertThat(calls).containsExactly(List.of("P1", "P2"));
        assertThat(lookups.get(1)).isCompleted();
        timer.runAll();
        assertThat(calls).containsExactly(List.of("P1", "P2"), List.of("P3"));
        assertThat(lookups.get(2)).isCompleted();
    }

    @Test
    void get_staleTimerOfAFlushedWindow_doesNotCutTheNextWindowShort() {
        PropertyBatcher batcher =
                new PropertyBatcher(
                        this::fakeBulk,
                        new PropertyBatcher.Options(2, Duration.ofSeconds(1)),
                        timer);
        List<CompletableFuture<Property>> lookups =
                List.of(batcher.get("P1"), batcher.get("P2"), batcher.get("P3"));

        timer.runAll();

        assertThat(calls).containsExactly(List.of("P1", "P2"), List.of("P3"));
        assertThat(timer.delays()).hasSize(4);
        assertThat(lookups).allSatisfy(lookup -> assertThat(lookup).isCompleted());
    }

    @Test
    void get_missingId_failsOnlyThatCallerWithNotFound() {
        PropertyBatcher batcher =
                new PropertyBatcher(this::fakeBulk, PropertyBatcher.Options.defaults(), timer);

        CompletableFuture<Property> found = batcher.get("P1");
        CompletableFuture<Property> missing = batcher.get("P999");
        timer.runAll();

        assertThat(found.join().id()).isEqualTo("P1");
        assertThatThrownBy(missing::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("P999");
    }

    @Test
    void get_bulkCallFails_failsEveryWaiterWithTheCause() {
        UpstreamUnavailableException outage =
                new UpstreamUnavailableException("getPropertiesBulk", 503, "r", "down", null);
        PropertyBatcher batcher =
                new PropertyBatcher(
                        (ids, requestId) -> CompletableFuture.failedFuture(outage),
                        PropertyBatcher.Options.defaults(),
                        timer);

        List<CompletableFuture<Property>> waiters = List.of(batcher.get("P1"), batcher.get("P2"));
        timer.runAll();

        for (CompletableFuture<Property> waiter : waiters) {
            assertThatThrownBy(waiter::join).cause().isSameAs(outage);
        }
    }

    @Test
    void close_withPendingLookups_flushesThemAndRefusesNewOnes() {
        PropertyBatcher batcher =
                new PropertyBatcher(this::fakeBulk, PropertyBatcher.Options.defaults(), timer);
        CompletableFuture<Property> pending = batcher.get("P4");

        batcher.close();

        assertThat(pending.join().id()).isEqualTo("P4");
        assertThatThrownBy(() -> batcher.get("P5")).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20261203L})
    @Timeout(10)
    void get_concurrentCallersWithRandomIds_eachGetsItsOwnPropertyInCeilDistinctOverSizeCalls(
            long seed) throws Exception {
        List<String> ids = new Random(seed).ints(400, 0, 150).mapToObj(i -> "P" + i).toList();
        Set<String> all = Set.copyOf(ids);
        PropertyBatcher batcher =
                new PropertyBatcher(
                        (batch, requestId) -> {
                            calls.add(List.copyOf(batch));
                            return CompletableFuture.completedFuture(
                                    new BulkResult(
                                            batch.stream().map(id -> property(id)).toList(),
                                            List.of()));
                        },
                        new PropertyBatcher.Options(50, Duration.ofHours(1)),
                        timer);
        List<CompletableFuture<Property>> futures = new ArrayList<>();
        List<Callable<CompletableFuture<Property>>> tasks =
                ids.stream()
                        .<Callable<CompletableFuture<Property>>>map(id -> () -> batcher.get(id))
                        .toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<CompletableFuture<Property>> submitted : pool.invokeAll(tasks)) {
                futures.add(submitted.get());
            }
        }
        batcher.flush();

        IntStream.range(0, ids.size())
                .forEach(i -> assertThat(futures.get(i).join().id()).isEqualTo(ids.get(i)));
        int sent = calls.stream().mapToInt(List::size).sum();
        assertThat(calls).hasSize((sent + 49) / 50);
        assertThat(calls).allSatisfy(batch -> assertThat(batch).doesNotHaveDuplicates());
        assertThat(calls.subList(0, calls.size() - 1))
                .allSatisfy(batch -> assertThat(batch).hasSize(50));
        assertThat(Set.copyOf(calls.stream().flatMap(List::stream).toList())).isEqualTo(all);
    }

    @Test
    void get_idWhoseBulkCallIsInFlight_joinsItInsteadOfFetchingAgain() {
        List<CompletableFuture<BulkResult>> answers = new ArrayList<>();
        PropertyBatcher batcher =
                new PropertyBatcher(
                        (batch, requestId) -> {
                            calls.add(List.copyOf(batch));
                            CompletableFuture<BulkResult> answer = new CompletableFuture<>();
                            answers.add(answer);
                            return answer;
                        },
                        new PropertyBatcher.Options(2, Duration.ofHours(1)),
                        timer);
        CompletableFuture<Property> first = batcher.get("P1");
        CompletableFuture<Property> unused = batcher.get("P2");

        CompletableFuture<Property> again = batcher.get("P1");
        answers.getFirst()
                .complete(new BulkResult(List.of(property("P1"), property("P2")), List.of()));

        assertThat(calls).containsExactly(List.of("P1", "P2"));
        assertThat(again.join()).isEqualTo(first.join());
        assertThat(unused).isCompleted();
    }

    @Test
    void get_windowEndsWhileACallIsOut_isSentWhenThatCallReturns() {
        List<CompletableFuture<BulkResult>> answers = new ArrayList<>();
        PropertyBatcher batcher = manuallyAnswered(answers, 1);
        CompletableFuture<Property> first = batcher.get("P1");
        timer.runHeld();

        List<CompletableFuture<Property>> later = List.of(batcher.get("P2"), batcher.get("P3"));
        timer.runHeld();
        assertThat(calls).containsExactly(List.of("P1"));

        answers.getFirst().complete(found("P1"));

        assertThat(calls).containsExactly(List.of("P1"), List.of("P2", "P3"));
        assertThat(first.join().id()).isEqualTo("P1");
        answers.get(1).complete(found("P2", "P3"));
        assertThat(later).allSatisfy(lookup -> assertThat(lookup).isCompleted());
    }

    @Test
    void get_heldWindowWhoseCallDoesNotReturn_isSentOneMaxWaitLater() {
        List<CompletableFuture<BulkResult>> answers = new ArrayList<>();
        PropertyBatcher batcher = manuallyAnswered(answers, 1);
        CompletableFuture<Property> unused = batcher.get("P1");
        timer.advance(WAIT);
        CompletableFuture<Property> second = batcher.get("P2");

        timer.advance(WAIT);
        assertThat(calls).containsExactly(List.of("P1"));
        timer.advance(WAIT.minus(MS));
        assertThat(calls).containsExactly(List.of("P1"));
        timer.advance(MS);

        assertThat(calls).containsExactly(List.of("P1"), List.of("P2"));
        answers.get(1).complete(found("P2"));
        assertThat(second.join().id()).isEqualTo("P2");
        assertThat(unused).isNotDone();
    }

    @Test
    void get_heldWindowThatFillsUp_isSentAtOnce() {
        List<CompletableFuture<BulkResult>> answers = new ArrayList<>();
        PropertyBatcher batcher =
                new PropertyBatcher(
                        (batch, requestId) -> recordAndHold(answers, batch),
                        new PropertyBatcher.Options(2, WAIT, 1),
                        timer);
        CompletableFuture<Property> unused = batcher.get("P1");
        timer.runHeld();
        CompletableFuture<Property> unused2 = batcher.get("P2");
        timer.runHeld();

        CompletableFuture<Property> unused3 = batcher.get("P3");

        assertThat(calls).containsExactly(List.of("P1"), List.of("P2", "P3"));
    }

    @Test
    void get_belowTheInFlightLimit_sendsEachWindowWhenItEnds() {
        List<CompletableFuture<BulkResult>> answers = new ArrayList<>();
        PropertyBatcher batcher = manuallyAnswered(answers, 2);
        CompletableFuture<Property> unused = batcher.get("P1");
        timer.runHeld();
        CompletableFuture<Property> unused2 = batcher.get("P2");

        timer.runHeld();

        assertThat(calls).containsExactly(List.of("P1"), List.of("P2"));
    }

    @Test
    void options_shortForms_holdFortyMillisecondsOrMaxWaitWhenLonger() {
        assertThat(PropertyBatcher.Options.defaults().maxHold()).isEqualTo(HOLD);
        assertThat(new PropertyBatcher.Options(100, Duration.ofHours(1)).maxHold())
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void options_negativeMaxHold_isRejectedNamingTheValue() {
        assertThatThrownBy(() -> new PropertyBatcher.Options(100, WAIT, Duration.ofMillis(-1), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxHold must not be negative, got PT-0.001S");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001})
    void options_maxInFlightOutOfRange_isRejectedNamingTheValue(int maxInFlight) {
        assertThatThrownBy(() -> new PropertyBatcher.Options(100, WAIT, maxInFlight))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxInFlight must be in 1..1000, got " + maxInFlight);
    }

    private PropertyBatcher manuallyAnswered(
            List<CompletableFuture<BulkResult>> answers, int maxInFlight) {
        return new PropertyBatcher(
                (batch, requestId) -> recordAndHold(answers, batch),
                new PropertyBatcher.Options(100, WAIT, maxInFlight),
                timer);
    }

    private CompletableFuture<BulkResult> recordAndHold(
            List<CompletableFuture<BulkResult>> answers, List<String> batch) {
        calls.add(List.copyOf(batch));
        CompletableFuture<BulkResult> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
    }

    private static BulkResult found(String... ids) {
        return new BulkResult(
                Arrays.stream(ids).map(PropertyBatcherTest::property).toList(), List.of());
    }

    static Property property(String id) {
        return new Property(
                id,
                new Address(
                        "1 Oak St",
                        "Springfield",
                        "IL",
                        "62704",
                        null,
                        "1 Oak St, Springfield, IL 62704"),
                new Coordinates(39.78, -89.65),
                PropertyType.CONDO,
                PropertyStatus.ACTIVE,
                250_000,
                2,
                1.5,
                900,
                0,
                1999,
                null,
                null,
                null,
                null,
                Instant.parse("2026-11-30T08:15:00Z"));
    }
}
