package dev.reapi.gateway.adapter.out.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.gateway.application.port.out.RateLimiter.Decision;
import dev.reapi.gateway.domain.user.RateLimit;
import dev.reapi.gateway.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LocalRateLimiterTest {

    private static final RateLimit THREE_PER_MINUTE = new RateLimit(3, Duration.ofMinutes(1));

    private final MutableClock clock = MutableClock.atEpochOf2026();
    private final LocalRateLimiter limiter = new LocalRateLimiter(clock, 1000);

    @Test
    void tryAcquire_withinBudget_allowsAndCountsDown() {
        Decision first = limiter.tryAcquire("u1:search", THREE_PER_MINUTE);
        Decision second = limiter.tryAcquire("u1:search", THREE_PER_MINUTE);
        Decision third = limiter.tryAcquire("u1:search", THREE_PER_MINUTE);

        assertThat(first)
                .isEqualTo(new Decision(true, 3, 2, Duration.ofSeconds(20), Duration.ZERO));
        assertThat(second.remaining()).isEqualTo(1);
        assertThat(third).isEqualTo(new Decision(true, 3, 0, Duration.ofMinutes(1), Duration.ZERO));
    }

    @Test
    void tryAcquire_budgetExhausted_rejectsWithRetryAfterOneRefill() {
        exhaust("u1:search", THREE_PER_MINUTE);

        Decision rejected = limiter.tryAcquire("u1:search", THREE_PER_MINUTE);

        assertThat(rejected)
                .isEqualTo(
                        new Decision(false, 3, 0, Duration.ofMinutes(1), Duration.ofSeconds(20)));
    }

    @Test
    void tryAcquire_afterRetryAfter_allowsOneAgain() {
        exhaust("u1:search", THREE_PER_MINUTE);
        clock.advance(Duration.ofSeconds(15));
        Decision stillRejected = limiter.tryAcquire("u1:search", THREE_PER_MINUTE);

        clock.advance(stillRejected.retryAfter());
        Decision allowed = limiter.tryAcquire("u1:search", THREE_PER_MINUTE);
        Decision rejectedAgain = limiter.tryAcquire("u1:search", THREE_PER_MINUTE);

        assertThat(stillRejected.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(allowed.allowed()).isTrue();
        assertThat(rejectedAgain.allowed()).isFalse();
    }

    @Test
    void tryAcquire_afterWholeWindow_hasFullBudget() {
        exhaust("u1:search", THREE_PER_MINUTE);

        clock.advance(Duration.ofMinutes(1));

        assertThat(limiter.tryAcquire("u1:search", THREE_PER_MINUTE).remaining()).isEqualTo(2);
    }

    @Test
    void tryAcquire_otherKeyOrOtherLimit_hasItsOwnBudget() {
        exhaust("u1:search", THREE_PER_MINUTE);

        Decision otherUser = limiter.tryAcquire("u2:search", THREE_PER_MINUTE);
        Decision otherLimit =
                limiter.tryAcquire("u1:search", new RateLimit(10, Duration.ofMinutes(1)));

        assertThat(otherUser.allowed()).isTrue();
        assertThat(otherLimit.allowed()).isTrue();
    }

    @Test
    void bucketCount_afterIdleWindow_dropsTheBucket() {
        limiter.tryAcquire("u1:search", THREE_PER_MINUTE);
        limiter.tryAcquire("u2:search", new RateLimit(3, Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));

        assertThat(limiter.bucketCount()).isEqualTo(1);
    }

    @Test
    @Timeout(30)
    void tryAcquire_concurrentCallers_allowExactlyTheBudget() throws Exception {
        var limit = new RateLimit(150, Duration.ofHours(1));
        var start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();

        try (ExecutorService executor = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                outcomes.add(
                        executor.submit(
                                () -> {
                                    start.await();
                                    return limiter.tryAcquire("u1:search", limit).allowed();
                                }));
            }
            start.countDown();
        }

        long allowed = 0;
        for (Future<Boolean> outcome : outcomes) {
            allowed += outcome.get() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(150);
    }

    /** Whatever the pacing, no window ever lets through more than the budget plus its refill. */
    @ParameterizedTest
    @MethodSource("seeds")
    void tryAcquire_randomPacing_neverExceedsBudgetPlusRefill(long seed) {
        var random = new SplittableRandom(seed);
        var limit =
                new RateLimit(1 + random.nextInt(20), Duration.ofSeconds(1 + random.nextInt(60)));
        long elapsedNanos = 0;
        long allowed = 0;

        for (int i = 0; i < 500; i++) {
            long step = random.nextLong(limit.window().toNanos() / limit.requests() * 2);
            clock.advance(Duration.ofNanos(step));
            elapsedNanos += step;
            if (limiter.tryAcquire("k", limit).allowed()) {
                allowed++;
            }
        }

        long refilled = elapsedNanos * limit.requests() / limit.window().toNanos();
        assertThat(allowed).isLessThanOrEqualTo(limit.requests() + refilled);
    }

    static Stream<Arguments> seeds() {
        return new SplittableRandom(42).longs(8).mapToObj(Arguments::of);
    }

    private void exhaust(String key, RateLimit limit) {
        for (long i = 0; i < limit.requests(); i++) {
            assertThat(limiter.tryAcquire(key, limit).allowed()).isTrue();
        }
    }
}
