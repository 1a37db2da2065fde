package dev.reapi.gateway.application.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.reapi.gateway.domain.cache.CacheKey;
import dev.reapi.gateway.domain.cache.CacheKeys;
import dev.reapi.gateway.domain.cache.CachePolicy;
import dev.reapi.gateway.domain.cache.DataType;
import dev.reapi.gateway.domain.cache.NothingToServeException;
import dev.reapi.gateway.domain.ledger.DailyCapReachedException;
import dev.reapi.gateway.domain.ledger.UsageTotals;
import dev.reapi.gateway.domain.property.Provenance;
import dev.reapi.gateway.domain.property.Provenance.Source;
import dev.reapi.gateway.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CachedReadsTest {

    private static final Caller ALICE = new Caller("u-alice", "details", OptionalLong.empty());
    private static final Caller BOB = new Caller("u-bob", "details", OptionalLong.empty());
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final MutableClock clock = MutableClock.standard();
    private final InMemoryResponseCache cache = new InMemoryResponseCache();
    private final InMemoryUsageLedger ledger = new InMemoryUsageLedger();
    private final ManualExecutor refresher = new ManualExecutor();
    private final CachePolicy policy = CachePolicy.defaults();
    private final CachedReads reads =
            new CachedReads(
                    cache,
                    ledger,
                    policy,
                    clock,
                    refresher,
                    RETRY_AFTER,
                    e -> !(e instanceof IllegalArgumentException));
    private final FakeUpstream upstream = new FakeUpstream();

    @Test
    void read_miss_loadsFreshAndBillsTheCaller() {
        ReadResult<String> result = reads.read(read(CacheKeys.details("P1"), ALICE));

        assertThat(result.value()).contains("v1");
        assertThat(result.provenance()).isEqualTo(Provenance.fresh(1));
        assertThat(ledger.totals()).isEqualTo(new UsageTotals(1, 1, 1, 0));
    }

    @Test
    void read_freshEntry_servesCacheWithAgeAndCountsSaved() {
        reads.read(read(CacheKeys.details("P1"), ALICE));
        clock.advance(Duration.ofSeconds(42));

        ReadResult<String> result = reads.read(read(CacheKeys.details("P1"), BOB));

        assertThat(result.value()).contains("v1");
        assertThat(result.provenance()).isEqualTo(new Provenance(Source.CACHE, 42, 0));
        assertThat(upstream.calls.get()).isEqualTo(1);
        assertThat(ledger.totals()).isEqualTo(new UsageTotals(2, 1, 1, 1));
    }

    @ParameterizedTest
    @EnumSource(DataType.class)
    void read_perTypeTtl_freshUntilTtlThenReloadedPastGrace(DataType type) {
        CacheKey key = new CacheKey(type, "k");
        CachePolicy.Rule rule = policy.rule(type);
        reads.read(read(key, ALICE));

        clock.advance(rule.ttl().minusSeconds(1));
        ReadResult<String> beforeTtl = reads.read(read(key, ALICE));
        clock.advance(Duration.ofSeconds(1).plus(rule.grace()));
        ReadResult<String> pastGrace = reads.read(read(key, ALICE));

        assertThat(beforeTtl.provenance().source()).isEqualTo(Source.CACHE);
        assertThat(beforeTtl.provenance().ageSeconds()).isEqualTo(rule.ttl().toSeconds() - 1);
        assertThat(pastGrace.provenance()).isEqualTo(Provenance.fresh(1));
        assertThat(pastGrace.value()).contains("v2");
        assertThat(refresher.tasks).isEmpty();
    }

    @Test
    void read_withinGrace_servesAtOnceAndRefreshesOnce() {
        CacheKey key = CacheKeys.details("P1");
        reads.read(read(key, ALICE));
        clock.advance(Duration.ofHours(1).plusSeconds(10));

        List<ReadResult<String>> during = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            during.add(reads.read(read(key, i == 0 ? ALICE : BOB)));
        }
        refresher.runAll();
        ReadResult<String> after = reads.read(read(key, BOB));

        assertThat(during)
                .allSatisfy(r -> assertThat(r.provenance().source()).isEqualTo(Source.CACHE))
                .allSatisfy(r -> assertThat(r.value()).contains("v1"));
        assertThat(upstream.calls.get()).isEqualTo(2);
        assertThat(after.value()).contains("v2");
        assertThat(after.provenance()).isEqualTo(new Provenance(Source.CACHE, 0, 0));
        assertThat(ledger.totals()).isEqualTo(new UsageTotals(7, 2, 2, 5));
    }

    @Test
    void read_refreshFails_keepsServingTheEntry() {
        CacheKey key = CacheKeys.details("P1");
        reads.read(read(key, ALICE));
        clock.advance(Duration.ofHours(1).plusSeconds(10));
        upstream.failing = true;

        reads.read(read(key, ALICE));
        refresher.runAll();
        ReadResult<String> after = reads.read(read(key, ALICE));

        assertThat(after.value()).contains("v1");
        assertThat(after.provenance().source()).isEqualTo(Source.CACHE);
        assertThat(refresher.tasks).hasSize(1);
    }

    @Test
    void read_upstreamFailsPastGrace_servesStaleWithItsAge() {
        CacheKey key = CacheKeys.details("P1");
        reads.read(read(key, ALICE));
        clock.advance(Duration.ofDays(2));
        upstream.failing = true;

        ReadResult<String> result = reads.read(read(key, ALICE));

        assertThat(result.value()).contains("v1");
        assertThat(result.provenance())
                .isEqualTo(new Provenance(Source.STALE, Duration.ofDays(2).toSeconds(), 0));
        assertThat(ledger.totals()).isEqualTo(new UsageTotals(2, 2, 1, 0));
    }

    @Test
    void read_upstreamFailsPastRetention_servesReplica() {
        CacheKey key = CacheKeys.details("P1");
        reads.read(read(key, ALICE));
        clock.advance(Duration.ofDays(8));
        upstream.failing = true;
        Instant fetchedAt = clock.instant().minus(Duration.ofMinutes(3));
        var replica = new Read.Replicated<>("replicated", fetchedAt);

        ReadResult<String> result =
                reads.read(
                        new Read<>(
                                key,
                                ALICE,
                                ValueCodec.identity(),
                                upstream::load,
                                () -> Optional.of(replica)));

        assertThat(result.value()).contains("replicated");
        assertThat(result.provenance()).isEqualTo(new Provenance(Source.REPLICA, 180, 0));
    }

    @Test
    void read_upstreamFailsAndNothingElse_throwsNothingToServe() {
        upstream.failing = true;

        assertThatThrownBy(() -> reads.read(read(CacheKeys.details("P9"), ALICE)))
                .isInstanceOfSatisfying(
                        NothingToServeException.class,
                        e -> {
                            assertThat(e.retryAfter()).isEqualTo(RETRY_AFTER);
                            assertThat(e.key()).isEqualTo("details:P9");
                            assertThat(e).hasCauseInstanceOf(IllegalStateException.class);
                        });
        assertThat(ledger.totals()).isEqualTo(new UsageTotals(1, 1, 0, 0));
    }

    @Test
    void read_rejectedByUpstream_propagatesWithoutFallback() {
        CacheKey key = CacheKeys.details("P1");
        reads.read(read(key, ALICE));
        clock.advance(Duration.ofDays(2));

        Read.Loader<String> rejecting =
                usage -> {
                    usage.add(1, 0);
                    throw new IllegalArgumentException("bad request");
                };

        assertThatThrownBy(() -> reads.read(Read.of(key, ALICE, ValueCodec.identity(), rejecting)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad request");
    }

    @Test
    void read_notFound_isCachedForNegativeTtl() {
        CacheKey key = CacheKeys.details("P404");
        upstream.missing = true;

        ReadResult<String> first = reads.read(read(key, ALICE));
        clock.advance(Duration.ofSeconds(59));
        ReadResult<String> remembered = reads.read(read(key, ALICE));
        clock.advance(Duration.ofSeconds(1));
        ReadResult<String> askedAgain = reads.read(read(key, ALICE));

        assertThat(first.value()).isEmpty();
        assertThat(first.provenance()).isEqualTo(Provenance.fresh(1));
        assertThat(remembered.value()).isEmpty();
        assertThat(remembered.provenance()).isEqualTo(new Provenance(Source.CACHE, 59, 0));
        assertThat(askedAgain.provenance()).isEqualTo(Provenance.fresh(1));
        assertThat(upstream.calls.get()).isEqualTo(2);
    }

    @Test
    void read_capReached_rejectsUpstreamCallsButServesCache() {
        var capped = new Caller("u-capped", "details", OptionalLong.of(2));
        reads.read(read(CacheKeys.details("P1"), capped));
        reads.read(read(CacheKeys.details("P2"), capped));

        ReadResult<String> cached = reads.read(read(CacheKeys.details("P1"), capped));

        assertThat(cached.provenance().source()).isEqualTo(Source.CACHE);
        assertThatThrownBy(() -> reads.read(read(CacheKeys.details("P3"), capped)))
                .isInstanceOfSatisfying(
                        DailyCapReachedException.class,
                        e -> {
                            assertThat(e.cap()).isEqualTo(2);
                            assertThat(e.resetsAt())
                                    .isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
                            assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(14));
                        });
        assertThat(upstream.calls.get()).isEqualTo(2);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void read_100ConcurrentMisses_makeOneUpstreamCall() throws Exception {
        CacheKey key = CacheKeys.details("P1");
        var release = new CountDownLatch(1);
        Read.Loader<String> slow =
                usage -> {
                    awaitUninterruptibly(release);
                    return upstream.load(usage);
                };
        var results = new ConcurrentLinkedQueue<ReadResult<String>>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Caller caller = new Caller("u-" + i, "details", OptionalLong.empty());
            Read<String> read = Read.of(key, caller, ValueCodec.identity(), slow);
            threads.add(Thread.ofPlatform().start(() -> results.add(reads.read(read))));
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> threads.stream().allMatch(CachedReadsTest::parked));
        release.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(upstream.calls.get()).isEqualTo(1);
        assertThat(results).hasSize(100).allSatisfy(r -> assertThat(r.value()).contains("v1"));
        assertThat(ledger.totals()).isEqualTo(new UsageTotals(100, 1, 1, 99));
    }

    @Test
    void read_repeatedHits_carryTheStoredJsonAndParseItOnce() {
        CacheKey key = CacheKeys.details("P1");
        var parses = new AtomicInteger();
        ValueCodec<String> quoted =
                new ValueCodec<>() {
                    @Override
                    public String encode(String value) {
                        return "\"" + value + "\"";
                    }

                    @Override
                    public String decode(String json) {
                        parses.incrementAndGet();
                        return json.substring(1, json.length() - 1);
                    }
                };

        ReadResult<String> fresh = reads.read(Read.of(key, ALICE, quoted, upstream::load));
        ReadResult<String> hit = reads.read(Read.of(key, BOB, quoted, upstream::load));
        ReadResult<String> again = reads.read(Read.of(key, BOB, quoted, upstream::load));

        assertThat(fresh.json()).contains("\"v1\"");
        assertThat(hit.json()).contains("\"v1\"");
        assertThat(again.value()).contains("v1");
        assertThat(again.json()).contains("\"v1\"");
        assertThat(parses).hasValue(1);
    }

    private Read<String> read(CacheKey key, Caller caller) {
        return Read.of(key, caller, ValueCodec.identity(), upstream::load);
    }

    private static boolean parked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An upstream stand-in answering v1, v2, ... and billing one record per answer. */
    private static final class FakeUpstream {
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean failing;
        volatile boolean missing;

        Optional<String> load(UpstreamUsage usage) {
            int n = calls.incrementAndGet();
            if (failing) {
                usage.add(1, 0);
                throw new IllegalStateException("upstream down");
            }
            if (missing) {
                usage.add(1, 0);
                return Optional.empty();
            }
            usage.add(1, 1);
            return Optional.of("v" + n);
        }
    }

    /** Runs submitted tasks only when the test says so. */
    private static final class ManualExecutor implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();
        final List<Runnable> ran = new ArrayList<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        synchronized void runAll() {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
                ran.add(task);
            }
        }
    }
}
