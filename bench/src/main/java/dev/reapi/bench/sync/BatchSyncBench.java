package dev.reapi.bench.sync;

import dev.reapi.bench.BenchReport;
import dev.reapi.client.RealEstateApiClient;
import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiChangeLogStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiReplicaStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiSyncCheckpointStore;
import dev.reapi.gateway.adapter.out.upstream.ClientUpdatedFeed;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.sync.BatchSync;
import dev.reapi.gateway.application.sync.ChangeApplier;
import dev.reapi.gateway.application.sync.DeletionSweep;
import dev.reapi.gateway.application.sync.SyncProgress;
import dev.reapi.gateway.application.sync.SyncStart;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full batch sync of an in-process sandbox into an empty replica on PostgreSQL and on SQLite,
 * beside {@code psql \copy} of the same rows into the same PostgreSQL table; writes the {@code
 * sync-batch} section of {@code docs/benchmarks.md}.
 *
 * <p>Arguments: {@code [properties] [report-path]} (default 1,000,000 and {@code
 * docs/benchmarks.md}). PostgreSQL is {@code 127.0.0.1:5432} as user {@code postgres} (override
 * with {@code REAPI_BENCH_PG_ADMIN_URL}); the benchmark creates and drops the database {@value
 * #PG_DATABASE}. {@code psql} must be on the path.
 */
public final class BatchSyncBench {

    private static final Logger LOG = LoggerFactory.getLogger(BatchSyncBench.class);
    private static final String KEY = "bench";
    private static final String PG_DATABASE = "reapi_bench_sync";
    private static final int PAGE_SIZE = 1000;
    private static final long WARM_UP_PROPERTIES = 100_000;

    static final String COMMAND = "bench/sync/run.sh batch [properties]";

    private BatchSyncBench() {}

    /** One measured run: what was loaded, how, and how fast. */
    record Row(String target, String method, long rows, Duration elapsed) {

        double perSecond() {
            return rows / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    /** Runs both databases and the COPY baseline, then writes the report section. */
    public static void main(String[] args) throws Exception {
        long properties = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        Path report = Path.of(args.length > 1 ? args[1] : "docs/benchmarks.md");
        String load = loadAverage();
        List<Row> rows = new ArrayList<>();
        Path work = Files.createTempDirectory("reapi-batch-bench");
        String adminUrl =
                System.getenv()
                        .getOrDefault(
                                "REAPI_BENCH_PG_ADMIN_URL",
                                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String pgUrl = "jdbc:postgresql://127.0.0.1:5432/" + PG_DATABASE + "?user=postgres";
        warmUp(adminUrl, pgUrl, work);
        try (Sandbox sandbox = sandbox(properties)) {
            recreate(adminUrl, PG_DATABASE);
            try {
                rows.add(sync(sandbox, pgUrl, "PostgreSQL"));
                rows.add(copyBaseline(work.resolve("replica.csv"), rows.getLast().rows()));
            } finally {
                drop(adminUrl, PG_DATABASE);
            }
            rows.add(sync(sandbox, "jdbc:sqlite:" + work.resolve("replica.db"), "SQLite"));
        } finally {
            deleteTree(work);
        }
        String markdown = markdown(properties, rows, load);
        System.out.println(markdown);
        BenchReport.replaceSection(report, "sync-batch", markdown);
    }

    /**
     * Syncs a small sandbox into each target and throws the replicas away, so that the measured
     * runs start with compiled code, as a sync in a long-running gateway does.
     */
    private static void warmUp(String adminUrl, String pgUrl, Path work) throws Exception {
        try (Sandbox small = sandbox(WARM_UP_PROPERTIES)) {
            recreate(adminUrl, PG_DATABASE);
            try {
                sync(small, pgUrl, "PostgreSQL warm-up");
            } finally {
                drop(adminUrl, PG_DATABASE);
            }
            sync(small, "jdbc:sqlite:" + work.resolve("warm-up.db"), "SQLite warm-up");
        }
    }

    private static Sandbox sandbox(long properties) {
        return Sandbox.start(
                SandboxOptions.defaults()
                        .withPort(0)
                        .withProperties(properties)
                        .withMarketChangesPerSecond(0)
                        .withApiKeys(Set.of(KEY)));
    }

    private static Row sync(Sandbox sandbox, String jdbcUrl, String target) {
        try (Database database = Database.open(jdbcUrl);
                RealEstateApiClient client =
                        RealEstateApiClient.builder()
                                .apiKey(KEY)
                                .baseUrl(sandbox.baseUrl())
                                .callTimeout(Duration.ofSeconds(60))
                                .build()) {
            var log = new JdbiChangeLogStore(database);
            var codec = JsonCodecs.propertyCodecs().property();
            var applier = new ChangeApplier(log, codec, ChangeHook.none(), Clock.systemUTC());
            // A full run marks what it sees, as the scheduled sync does, so that deletions can be
            // swept at its end.
            var sweep =
                    new DeletionSweep(
                            new JdbiReplicaStore(database),
                            log,
                            codec,
                            ChangeHook.none(),
                            Clock.systemUTC());
            var sync =
                    new BatchSync(
                            new ClientUpdatedFeed(client),
                            applier,
                            new JdbiSyncCheckpointStore(database),
                            new BatchSync.Settings(PAGE_SIZE, Duration.ofHours(1)),
                            Optional.of(sweep),
                            Clock.systemUTC(),
                            new SimpleMeterRegistry());
            long began = System.nanoTime();
            SyncProgress done =
                    sync.run(
                            SyncStart.full(),
                            progress -> {
                                if (progress.pages() % 100 == 0) {
                                    LOG.info("{}: {}", target, progress);
                                }
                            });
            Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
            LOG.info("{}: {} properties in {}", target, done.properties(), elapsed);
            return new Row(target, "reapi batch sync from the sandbox", done.properties(), elapsed);
        }
    }

    /**
     * Exports the synced replica rows to CSV, empties the table, and times {@code psql \copy} of
     * the same rows back into it.
     */
    private static Row copyBaseline(Path csv, long expected)
            throws IOException, InterruptedException {
        String columns = "property_id, payload, updated_at, fetched_at";
        psql("\\copy (SELECT " + columns + " FROM replica_properties) TO '" + csv + "' CSV");
        psql("TRUNCATE replica_properties");
        long began = System.nanoTime();
        psql("\\copy replica_properties (" + columns + ") FROM '" + csv + "' CSV");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
        return new Row("PostgreSQL", "`psql \\copy` of the same rows", expected, elapsed);
    }

    private static void psql(String command) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(
                                "psql",
                                "-X",
                                "-q",
                                "-v",
                                "ON_ERROR_STOP=1",
                                "-h",
                                "127.0.0.1",
                                "-U",
                                "postgres",
                                "-d",
                                PG_DATABASE,
                                "-c",
                                command)
                        .inheritIO()
                        .start();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("psql failed: " + command);
        }
    }

    private static void recreate(String adminUrl, String name) throws SQLException {
        drop(adminUrl, name);
        execute(adminUrl, "CREATE DATABASE " + name);
    }

    private static void drop(String adminUrl, String name) throws SQLException {
        execute(adminUrl, "DROP DATABASE IF EXISTS " + name);
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String markdown(long properties, List<Row> rows, String load) {
        double copyRate =
                rows.stream()
                        .filter(r -> r.method().contains("copy"))
                        .mapToDouble(Row::perSecond)
                        .findFirst()
                        .orElse(Double.NaN);
        double pgRate =
                rows.stream()
                        .filter(
                                r ->
                                        r.target().equals("PostgreSQL")
                                                && !r.method().contains("copy"))
                        .mapToDouble(Row::perSecond)
                        .findFirst()
                        .orElse(Double.NaN);
        var out = new StringBuilder();
        out.append("### Batch sync into the replica\n\n")
                .append(
                        String.format(
                                Locale.ROOT,
                                "A full batch sync of %,d sandbox properties into an empty replica"
                                    + " (pages of %d from `/v1/properties/updated`, each page one"
                                    + " transaction with its checkpoint), beside `psql \\copy` of"
                                    + " the rows the sync wrote into the same table. The sandbox"
                                    + " runs in the benchmark's JVM on the same two cores, so the"
                                    + " sync's rate includes generating and serving every page;"
                                    + " COPY only loads a prepared file. Before the measured runs,"
                                    + " a full sync of a separate 100,000-property sandbox into"
                                    + " each target warms up the JVM; its replicas are thrown"
                                    + " away.\n\n",
                                properties,
                                PAGE_SIZE))
                .append("| target | method | rows | seconds | rows/s |\n")
                .append("|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %,d | %.1f | %,.0f |%n",
                            row.target(),
                            row.method(),
                            row.rows(),
                            row.elapsed().toMillis() / 1000.0,
                            row.perSecond()));
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        "%nOn PostgreSQL the sync ran at %.0f%% of COPY's rate (goal: at least"
                                + " 50%%).%n%n",
                        100 * pgRate / copyRate));
        out.append(
                String.format(
                        Locale.ROOT,
                        "_Measured %s on %d cores, load average %s before the run, JDK %s."
                                + " Command: `%s`._%n",
                        Instant.now().truncatedTo(ChronoUnit.MINUTES),
                        Runtime.getRuntime().availableProcessors(),
                        load,
                        Runtime.version(),
                        COMMAND));
        return out.toString();
    }

    private static String loadAverage() {
        return String.format(
                Locale.ROOT,
                "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
