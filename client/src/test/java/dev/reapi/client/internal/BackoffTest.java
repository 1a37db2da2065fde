package dev.reapi.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BackoffTest {

    static LongStream seeds() {
        return new Random(20261203L).longs(25);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void delay_anySeedAndRetry_staysWithinTheExponentialCap(long seed) {
        Backoff backoff =
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(seed));

        for (int retry = 1; retry <= 12; retry++) {
            Duration delay = backoff.delay(retry);

            assertThat(delay).isBetween(Duration.ZERO, backoff.cap(retry));
        }
    }

    @Test
    void cap_doublesUntilTheMax() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(1));

        assertThat(backoff.cap(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.cap(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.cap(5)).isEqualTo(Duration.ofMillis(1600));
        assertThat(backoff.cap(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.cap(40)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void delay_sameSeed_isReproducible() {
        Backoff first = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(7));
        Backoff second = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(7));

        for (int retry = 1; retry <= 5; retry++) {
            assertThat(first.delay(retry)).isEqualTo(second.delay(retry));
        }
    }

    @Test
    void delay_manyDraws_useTheWholeRange() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(3));

        long[] millis = new long[2000];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = backoff.delay(1).toMillis();
        }

        assertThat(LongStream.of(millis).min().orElseThrow()).isLessThan(10);
        assertThat(LongStream.of(millis).max().orElseThrow()).isGreaterThan(90);
        assertThat(LongStream.of(millis).average().orElseThrow()).isBetween(40.0, 60.0);
    }
}
