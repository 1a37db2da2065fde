package dev.reapi.bench.jobs;

import dev.reapi.gateway.config.JobsConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link JobsBench} measures and where it writes.
 *
 * @param jobs jobs per measured throughput run (default 10,000)
 * @param concurrency jobs run at once by each system (default: the gateway's default thread count)
 * @param submitters threads, or Bull's async loops, submitting flat out (default 4)
 * @param pacedJobs jobs in the paced run (default 1,000, at most {@code jobs}); 0 skips it
 * @param rate submissions per second in the paced run (default 100)
 * @param postgresUrl the PostgreSQL database to create the benchmark's schema in (default {@value
 *     #DEFAULT_POSTGRES_URL})
 * @param report the Markdown file whose {@code jobs} section is written (default {@code
 *     docs/benchmarks.md})
 * @param print print the section instead of writing it
 */
record JobsOptions(
        int jobs,
        int concurrency,
        int submitters,
        int pacedJobs,
        double rate,
        String postgresUrl,
        Path report,
        boolean print) {

    /** The PostgreSQL used unless {@code --postgres} says otherwise. */
    static final String DEFAULT_POSTGRES_URL =
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    static final String USAGE =
            "usage: JobsBench [--jobs N] [--concurrency C] [--submitters S] [--paced-jobs M]"
                    + " [--rate R] [--postgres JDBC-URL] [--report FILE] [--print]";

    JobsOptions {
        Objects.requireNonNull(postgresUrl, "postgresUrl");
        Objects.requireNonNull(report, "report");
        if (jobs < 1 || concurrency < 1 || submitters < 1) {
            throw new IllegalArgumentException(
                    "--jobs, --concurrency and --submitters must be >= 1, were "
                            + jobs
                            + ", "
                            + concurrency
                            + " and "
                            + submitters);
        }
        if (pacedJobs < 0 || pacedJobs > jobs) {
            throw new IllegalArgumentException(
                    "--paced-jobs must be 0.." + jobs + " (--jobs), was " + pacedJobs);
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("--rate must be a positive number, was " + rate);
        }
    }

    /**
     * Options from command-line arguments; a bare number is {@code --jobs}.
     *
     * @throws IllegalArgumentException naming the bad argument, with the usage
     */
    static JobsOptions parse(String... args) {
        int jobs = 10_000;
        int concurrency = JobsConfig.defaults().threads();
        int submitters = 4;
        Integer pacedJobs = null;
        double rate = 100;
        String postgresUrl = DEFAULT_POSTGRES_URL;
        Path report = Path.of("docs/benchmarks.md");
        boolean print = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--print")) {
                print = true;
                continue;
            }
            if (arg.matches("\\d+")) {
                jobs = integer("--jobs", arg);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + arg + "; " + USAGE);
            }
            String value = args[++i];
            switch (arg) {
                case "--jobs" -> jobs = integer(arg, value);
                case "--concurrency" -> concurrency = integer(arg, value);
                case "--submitters" -> submitters = integer(arg, value);
                case "--paced-jobs" -> pacedJobs = integer(arg, value);
                case "--rate" -> rate = decimal(arg, value);
                case "--postgres" -> postgresUrl = value;
                case "--report" -> report = Path.of(value);
                default ->
                        throw new IllegalArgumentException("unknown option " + arg + "; " + USAGE);
            }
        }
        int paced = pacedJobs != null ? pacedJobs : Math.min(1_000, jobs);
        return new JobsOptions(
                jobs, concurrency, submitters, paced, rate, postgresUrl, report, print);
    }

    /** Unmeasured jobs run first on each system: a tenth of {@code jobs}, at most 1,000. */
    int warmup() {
        return Math.min(1_000, Math.max(1, jobs / 10));
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " must be a whole number, was '" + value + "'", e);
        }
    }

    private static double decimal(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " must be a number, was '" + value + "'", e);
        }
    }
}
