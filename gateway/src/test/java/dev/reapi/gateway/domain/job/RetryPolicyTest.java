package dev.reapi.gateway.domain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RetryPolicyTest {

    /** Seeded policies: attempts 1..10, initial 1..5000 ms, cap up to 10x, jitter 0..1. */
    static Stream<RetryPolicy> policies() {
        var random = new SplittableRandom(42);
        return Stream.generate(
                        () -> {
                            long initial = random.nextLong(1, 5000);
                            return new RetryPolicy(
                                    random.nextInt(1, 11),
                                    Duration.ofMillis(initial),
                                    Duration.ofMillis(initial * random.nextLong(1, 11)),
                                    1.0 + random.nextDouble() * 3,
                                    random.nextDouble());
                        })
                .limit(50);
    }

    @ParameterizedTest
    @MethodSource("policies")
    void delayAfter_anyFailureCount_staysWithinJitteredCap(RetryPolicy policy) {
        var random = new SplittableRandom(7);
        Duration previousBase = Duration.ZERO;
        for (int failures = 1; failures <= 20; failures++) {
            Duration delay = policy.delayAfter(failures, random.nextDouble());
            Duration base = policy.delayAfter(failures, 0.0);

            assertThat(delay).isLessThanOrEqualTo(policy.maxDelay());
            assertThat(delay.toMillis())
                    .isGreaterThanOrEqualTo(
                            (long) Math.floor(base.toMillis() * (1 - policy.jitter())) - 1);
            assertThat(base).isGreaterThanOrEqualTo(previousBase);
            previousBase = base;
        }
    }

    @ParameterizedTest
    @MethodSource("policies")
    void allowsRetry_untilMaxAttempts(RetryPolicy policy) {
        assertThat(policy.allowsRetry(policy.maxAttempts() - 1)).isTrue();
        assertThat(policy.allowsRetry(policy.maxAttempts())).isFalse();
    }

    @org.junit.jupiter.api.Test
    void constructor_withCapBelowInitialDelay_isRejected() {
        assertThatThrownBy(
                        () ->
                                new RetryPolicy(
                                        3, Duration.ofSeconds(5), Duration.ofSeconds(1), 2.0, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initialDelay");
    }
}
