package dev.reapi.bench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZipfSamplerTest {

    @Test
    void sequence_sameSeed_isTheSameSequence() {
        var sampler = new ZipfSampler(20_000, 1.0);

        int[] first = sampler.sequence(10_000, 7);
        int[] second = new ZipfSampler(20_000, 1.0).sequence(10_000, 7);

        assertThat(first).isEqualTo(second);
        assertThat(first).isNotEqualTo(sampler.sequence(10_000, 8));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 1_000_003})
    void sample_anySeed_staysWithinRanks(long seed) {
        var sampler = new ZipfSampler(50, 1.1);

        int[] ranks = sampler.sequence(20_000, seed);

        assertThat(Arrays.stream(ranks).min().orElseThrow()).isEqualTo(1);
        assertThat(Arrays.stream(ranks).max().orElseThrow()).isLessThanOrEqualTo(50);
    }

    @Test
    void probability_exponentOne_isHarmonic() {
        var sampler = new ZipfSampler(4, 1.0);
        double harmonic = 1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0;

        assertThat(sampler.probability(1)).isCloseTo(1 / harmonic, within(1e-12));
        assertThat(sampler.probability(4)).isCloseTo(0.25 / harmonic, within(1e-12));
        double total = IntStream.rangeClosed(1, 4).mapToDouble(sampler::probability).sum();
        assertThat(total).isCloseTo(1.0, within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 99, 2026})
    void sample_manyDraws_matchTheLawWithinSamplingError(long seed) {
        var sampler = new ZipfSampler(1_000, 1.0);
        var random = new SplittableRandom(seed);
        int draws = 200_000;
        int[] counts = new int[1_001];

        for (int i = 0; i < draws; i++) {
            counts[sampler.sample(random)]++;
        }

        // Rank 1 has p ~ 0.134: five standard deviations of its share are ~0.004.
        for (int rank : new int[] {1, 2, 10}) {
            double share = counts[rank] / (double) draws;
            double p = sampler.probability(rank);
            double sigma = Math.sqrt(p * (1 - p) / draws);
            assertThat(share).as("share of rank %d", rank).isCloseTo(p, within(5 * sigma));
        }
        assertThat(counts[1]).isGreaterThan(counts[2]).isGreaterThan(counts[10]);
    }

    @Test
    void sample_exponentZero_isUniform() {
        var sampler = new ZipfSampler(10, 0.0);

        assertThat(sampler.probability(1)).isCloseTo(0.1, within(1e-12));
        assertThat(sampler.probability(10)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void constructor_badArguments_areRejectedWithTheValue() {
        assertThatThrownBy(() -> new ZipfSampler(0, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 0");
        assertThatThrownBy(() -> new ZipfSampler(10, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> new ZipfSampler(10, 1.0).probability(11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..10");
    }
}
