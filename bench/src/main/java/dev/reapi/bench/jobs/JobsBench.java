package dev.reapi.bench.jobs;

import com.sun.management.OperatingSystemMXBean;
import dev.reapi.bench.BenchReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures durable no-op jobs on the gateway's job engine over PostgreSQL and over SQLite, and on
 * Bull over the local Redis, in one run, and writes the {@code jobs} section of {@code
 * docs/benchmarks.md}. Run it from the repository root, usually through {@code bench/jobs/run.sh};
 * {@link JobsOptions#USAGE} lists the arguments. The PostgreSQL schema {@value #SCHEMA} is created
 * for the run and dropped after it.
 */
public final class JobsBench {

    private static final Logger LOG = LoggerFactory.getLogger(JobsBench.class);
    private static final String SCHEMA = "reapi_bench_jobs";
    private static final Path BULL_DIR = Path.of("bench/jobs/bull");

    private JobsBench() {}

    /** Runs every system and writes (or prints) the section; exits 2 on a bad argument. */
    public static void main(String[] args) throws Exception {
        JobsOptions options;
        try {
            options = JobsOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("JobsBench: " + e.getMessage());
            System.exit(2);
            return;
        }
        String loadBefore = loadAverage();
        String date = Instant.now().truncatedTo(ChronoUnit.MINUTES).toString();
        var bull = new BullRun(BULL_DIR);

        List<JobsResult> results = new ArrayList<>();
        String postgres = postgres(options, results);
        sqlite(options, results);
        results.add(
                bull.run(
                        options.jobs(),
                        options.warmup(),
                        options.concurrency(),
                        options.submitters(),
                        0));
        durableBull(bull, options, results);
        if (options.pacedJobs() > 0) {
            results.add(
                    bull.run(
                            options.pacedJobs(),
                            options.warmup(),
                            options.concurrency(),
                            1,
                            options.rate()));
        }
        results.sort(Comparator.comparing(r -> r.rate() > 0));
        results.forEach(r -> LOG.info("{}", r));

        var info =
                new JobsReport.RunInfo(
                        machine() + "; " + postgres, loadBefore, date, command(args));
        String markdown = JobsReport.markdown(results, info);
        if (options.print()) {
            System.out.println(markdown);
        } else {
            BenchReport.replaceSection(options.report(), JobsReport.SECTION, markdown);
            LOG.info("Wrote section {} of {}", JobsReport.SECTION, options.report());
        }
    }

    /**
     * Bull again, on a private Redis that syncs its append-only file before answering each write,
     * so that its jobs are as durable as the gateway's committed rows; skipped with a warning when
     * {@code redis-server} is missing.
     */
    private static void durableBull(BullRun bull, JobsOptions options, List<JobsResult> results)
            throws IOException, InterruptedException {
        Optional<DurableRedis> started = DurableRedis.start();
        if (started.isEmpty()) {
            LOG.warn("redis-server is not on the PATH: Bull on a durable Redis is left out");
            return;
        }
        try (DurableRedis redis = started.get()) {
            results.add(
                    bull.run(
                            options.jobs(),
                            options.warmup(),
                            options.concurrency(),
                            options.submitters(),
                            0,
                            Optional.of(redis.url()),
                            "Redis, AOF fsync always"));
        }
    }

    /** Measures on a fresh schema; returns the server's version and durability settings. */
    private static String postgres(JobsOptions options, List<JobsResult> results) throws Exception {
        String admin = options.postgresUrl();
        String settings;
        try (Connection connection = DriverManager.getConnection(admin);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
            settings =
                    "PostgreSQL "
                            + single(statement, "SHOW server_version")
                            + " (fsync "
                            + single(statement, "SHOW fsync")
                            + ", synchronous_commit "
                            + single(statement, "SHOW synchronous_commit")
                            + ")";
        }
        String url = admin + (admin.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        Path dir = Files.createTempDirectory("reapi-jobs-bench-pg");
        try {
            measure("PostgreSQL", url, options, dir, results);
        } finally {
            try (Connection connection = DriverManager.getConnection(admin);
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
            deleteTree(dir);
        }
        return settings;
    }

    private static void sqlite(JobsOptions options, List<JobsResult> results) throws Exception {
        Path dir = Files.createTempDirectory("reapi-jobs-bench-sqlite");
        try {
            measure("SQLite", "jdbc:sqlite:" + dir.resolve("jobs.db"), options, dir, results);
        } finally {
            deleteTree(dir);
        }
    }

    private static void measure(
            String store, String url, JobsOptions options, Path dir, List<JobsResult> results)
            throws Exception {
        try (GatewayRun run =
                GatewayRun.start(store, url, options.concurrency(), dir.resolve("results"))) {
            run.flatOut(options.warmup(), options.submitters());
            results.add(run.flatOut(options.jobs(), options.submitters()));
            if (options.pacedJobs() > 0) {
                results.add(run.paced(options.pacedJobs(), options.rate()));
            }
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String machine() throws IOException, InterruptedException {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu =
                    Files.readAllLines(cpuinfo).stream()
                            .filter(line -> line.startsWith("model name"))
                            .map(line -> line.substring(line.indexOf(':') + 1).strip())
                            .findFirst()
                            .orElse(cpu);
        }
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long memory = os.getTotalMemorySize() >> 30;
        Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
        String nodeVersion =
                new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        node.waitFor();
        return Runtime.getRuntime().availableProcessors()
                + " cores, "
                + cpu
                + ", "
                + memory
                + " GiB, JDK "
                + Runtime.version()
                + ", Node "
                + nodeVersion;
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        if (!Files.isReadable(loadavg)) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        // The first three fields: 1, 5 and 15 minute averages.
        return Pattern.compile("\\s+")
                .splitAsStream(Files.readString(loadavg).strip())
                .limit(3)
                .collect(Collectors.joining(" "));
    }

    private static String command(String[] args) {
        return ("bench/jobs/run.sh " + String.join(" ", args)).strip();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
