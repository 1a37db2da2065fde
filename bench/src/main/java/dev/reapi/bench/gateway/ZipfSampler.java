package dev.reapi.bench.gateway;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Draws ranks {@code 1..n} with probability proportional to {@code 1 / rank^s} (a Zipf law).
 *
 * <p>The cumulative distribution is computed once (n doubles), and each draw is one uniform number
 * and a binary search, so a draw is {@code O(log n)}. Draws are a pure function of the generator's
 * state: the same seed gives the same sequence. Immutable and thread-safe; the generator passed to
 * {@link #sample} is not, so give each thread its own.
 */
public final class ZipfSampler {

    private final double exponent;
    private final double[] cumulative;

    /**
     * @param n the number of ranks, at least 1
     * @param exponent the exponent {@code s}, at least 0 (0 is uniform)
     */
    public ZipfSampler(int n, double exponent) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        if (!(exponent >= 0) || Double.isInfinite(exponent)) {
            throw new IllegalArgumentException(
                    "exponent must be finite and at least 0, was " + exponent);
        }
        this.exponent = exponent;
        this.cumulative = new double[n];
        double sum = 0;
        for (int rank = 1; rank <= n; rank++) {
            sum += Math.pow(rank, -exponent);
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        cumulative[n - 1] = 1.0;
    }

    /** The number of ranks. */
    public int size() {
        return cumulative.length;
    }

    /** The exponent {@code s}. */
    public double exponent() {
        return exponent;
    }

    /** The probability of drawing {@code rank} (1-based). */
    public double probability(int rank) {
        if (rank < 1 || rank > cumulative.length) {
            throw new IllegalArgumentException(
                    "rank must be in 1.." + cumulative.length + ", was " + rank);
        }
        return rank == 1 ? cumulative[0] : cumulative[rank - 1] - cumulative[rank - 2];
    }

    /** One draw: a rank in {@code 1..size()}, rank 1 the most likely. */
    public int sample(RandomGenerator random) {
        double u = random.nextDouble();
        int index = Arrays.binarySearch(cumulative, u);
        // A miss returns -(insertion point) - 1: the first entry greater than u is that rank.
        int position = index >= 0 ? index + 1 : -index - 1;
        return Math.min(position, cumulative.length - 1) + 1;
    }

    /** {@code count} draws from a {@link SplittableRandom} seeded with {@code seed}. */
    public int[] sequence(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be at least 0, was " + count);
        }
        var random = new SplittableRandom(seed);
        int[] ranks = new int[count];
        for (int i = 0; i < count; i++) {
            ranks[i] = sample(random);
        }
        return ranks;
    }
}
