package dev.reapi.bench.jobs;

import dev.reapi.bench.client.Percentiles;
import java.util.Objects;

/**
 * One measured run of one system.
 *
 * @param system what ran the jobs, e.g. {@code gateway} or {@code bull 4.16.5}
 * @param store where jobs were kept, e.g. {@code PostgreSQL}
 * @param scenario {@code throughput} (submitted flat out) or {@code paced}
 * @param jobs jobs measured
 * @param concurrency jobs run at once
 * @param submitters threads (or async loops) submitting
 * @param rate submissions per second for a paced run, 0 for flat out
 * @param seconds from the first submit call to the last job completed
 * @param p50Micros median submit-to-start latency, in microseconds
 * @param p99Micros 99th percentile submit-to-start latency, in microseconds
 */
record JobsResult(
        String system,
        String store,
        String scenario,
        int jobs,
        int concurrency,
        int submitters,
        double rate,
        double seconds,
        double p50Micros,
        double p99Micros) {

    JobsResult {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(scenario, "scenario");
        if (jobs < 1 || seconds <= 0) {
            throw new IllegalArgumentException(
                    "jobs must be >= 1 and seconds > 0, were " + jobs + " and " + seconds);
        }
    }

    /** A result from raw timings: {@code elapsedNanos} and submit-to-start delays. */
    static JobsResult of(
            String system,
            String store,
            String scenario,
            int concurrency,
            int submitters,
            double rate,
            long elapsedNanos,
            long[] submitToStartNanos) {
        var percentiles = new Percentiles(submitToStartNanos);
        return new JobsResult(
                system,
                store,
                scenario,
                submitToStartNanos.length,
                concurrency,
                submitters,
                rate,
                elapsedNanos / 1e9,
                percentiles.micros(50),
                percentiles.micros(99));
    }

    /** Completed jobs per second over the whole run. */
    double jobsPerSecond() {
        return jobs / seconds;
    }
}
