package dev.reapi.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reapi.sandbox.FaultSettings;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Latency draws have the configured median and 99th percentile. */
class LatencyTest {
    @ParameterizedTest(name = "{0} p50={1} p99={2}")
    @CsvSource({"uniform,100,190", "lognormal,20,250", "fixed,40,40"})
    void latency_manyDraws_matchConfiguredPercentiles(String distribution, int p50, int p99) {
        FaultSettings.Latency latency = new FaultSettings.Latency(distribution, p50, p99);
        SplittableRandom random = new SplittableRandom(42);
        long[] draws = new long[20_000];

        for (int i = 0; i < draws.length; i++) {
            draws[i] = FaultGate.latency(latency, random);
        }

        Arrays.sort(draws);
        assertThat((double) draws[draws.length / 2]).isCloseTo(p50, within(p50 * 0.06 + 1));
        assertThat((double) draws[(int) (draws.length * 0.99)])
                .isCloseTo(p99, within(p99 * 0.08 + 1));
    }
}
