package dev.reapi.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.client.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

    @Test
    void tryAcquireRetry_heavyTraffic_allowsTwentyPercent() {
        RetryBudget budget = new RetryBudget(0.2, 1, Duration.ofSeconds(10), clock);
        for (int i = 0; i < 1000; i++) {
            budget.onRequest();
        }

        int granted = grants(budget, 1000);

        assertThat(granted).isEqualTo(200);
    }

    @Test
    void tryAcquireRetry_noTraffic_allowsTheMinimumPerSecondOverTheWindow() {
        RetryBudget budget = new RetryBudget(0.2, 3, Duration.ofSeconds(10), clock);

        assertThat(grants(budget, 100)).isEqualTo(30);
    }

    @Test
    void tryAcquireRetry_windowSlidesPast_grantsAgain() {
        RetryBudget budget = new RetryBudget(0.2, 3, Duration.ofSeconds(10), clock);
        assertThat(grants(budget, 100)).isEqualTo(30);

        clock.advance(Duration.ofSeconds(5));
        assertThat(grants(budget, 100)).isZero();

        clock.advance(Duration.ofSeconds(5));
        assertThat(grants(budget, 100)).isEqualTo(30);
    }

    @Test
    void allowed_requestsOlderThanTheWindow_stopCounting() {
        RetryBudget budget = new RetryBudget(0.5, 0, Duration.ofSeconds(2), clock);
        for (int i = 0; i < 10; i++) {
            budget.onRequest();
        }
        assertThat(budget.allowed()).isEqualTo(5);

        clock.advance(Duration.ofSeconds(2));

        assertThat(budget.allowed()).isZero();
    }

    private static int grants(RetryBudget budget, int tries) {
        int granted = 0;
        for (int i = 0; i < tries; i++) {
            if (budget.tryAcquireRetry()) {
                granted++;
            }
        }
        return granted;
    }
}
