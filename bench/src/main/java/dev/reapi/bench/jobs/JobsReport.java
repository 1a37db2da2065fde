package dev.reapi.bench.jobs;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The {@code jobs} section of {@code docs/benchmarks.md}, from one run's results. Stateless. */
final class JobsReport {

    /** The section's name between the report's markers. */
    static final String SECTION = "jobs";

    private static final String ABOUT =
            """
            ### Durable jobs: gateway job engine beside Bull

            Each system runs no-op jobs with the same job count and the same concurrency, all in one
            run on one machine. A gateway job goes through `JobService.submit`, exactly as the HTTP
            API's submissions do: the job row and its db-scheduler execution are committed before
            submit returns; a worker then marks it running, runs a handler that does nothing,
            stores an empty inline result with the owner's notification in one transaction, and
            removes the execution. SQLite is a temporary file in WAL mode with
            `synchronous=NORMAL`, as the gateway opens it (commits survive a crash of the process,
            the last ones may not survive a power cut); PostgreSQL is a schema created for the run
            and dropped after it, with its server's own fsync settings. A Bull job is added to a
            queue on the local Redis, processed by a no-op processor in the same Node process and
            kept in Bull's completed set with its empty return value; that Redis runs without
            persistence, so a Bull job is held in memory only. The row "Redis, AOF fsync always"
            runs the same Bull throughput run on a private Redis that writes every command to its
            append-only file and syncs it to disk before answering, so that a Bull job is as durable
            as a committed PostgreSQL row. The gateway's per-job INFO log lines are switched off
            here, as Bull writes none.

            *throughput*: after an unmeasured warm-up (a tenth of the jobs, at most 1,000), the
            jobs are submitted as fast as the submitters go (threads for the gateway, concurrent
            `add()` loops for Bull); jobs/s is the job count over the time from the first submit
            call to the last job completed, so latency there is mostly queueing. *paced*: one
            submitter at a fixed rate meant to be below every system's capacity, so latency is
            the engine's own pickup delay; its jobs/s shows whether the system kept up with the
            rate. Submit-to-start latency runs from the submit call returning to the handler
            starting (0 when the handler started first), nearest-rank percentiles.
            """;

    private JobsReport() {}

    /**
     * Where and how the results were measured.
     *
     * @param machine cores, CPU, memory, JDK and Node versions
     * @param loadBefore the load averages before the first run
     * @param date when the run started, UTC
     * @param command how to rerun it from the repository root
     */
    record RunInfo(String machine, String loadBefore, String date, String command) {
        RunInfo {
            Objects.requireNonNull(machine, "machine");
            Objects.requireNonNull(loadBefore, "loadBefore");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(command, "command");
        }
    }

    /** The section's Markdown: the explanation, one table row per result, then the run info. */
    static String markdown(List<JobsResult> results, RunInfo info) {
        var out = new StringBuilder(ABOUT.strip()).append("\n\n");
        out.append("| system | store | scenario | jobs | concurrency | submitters | jobs/s |")
                .append(" p50 submit-to-start | p99 submit-to-start |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (JobsResult r : results) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %s | %d | %d | %d | %.0f | %s | %s |\n",
                            r.system(),
                            r.store(),
                            r.rate() > 0
                                    ? String.format(Locale.ROOT, "paced %.0f/s", r.rate())
                                    : r.scenario(),
                            r.jobs(),
                            r.concurrency(),
                            r.submitters(),
                            r.jobsPerSecond(),
                            duration(r.p50Micros()),
                            duration(r.p99Micros())));
        }
        out.append("\nMachine: ")
                .append(info.machine())
                .append(". Load before: ")
                .append(info.loadBefore())
                .append(". Date: ")
                .append(info.date())
                .append(". Command: `")
                .append(info.command())
                .append("`.\n");
        return out.toString();
    }

    /** A latency for people: µs below a millisecond, seconds from ten seconds, else ms. */
    static String duration(double micros) {
        if (micros < 1_000) {
            return String.format(Locale.ROOT, "%.0f µs", micros);
        }
        if (micros < 10_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", micros / 1_000);
        }
        return String.format(Locale.ROOT, "%.1f s", micros / 1_000_000);
    }
}
