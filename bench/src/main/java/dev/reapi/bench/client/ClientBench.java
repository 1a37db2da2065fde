package dev.reapi.bench.client;

import dev.reapi.bench.BenchReport;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the client benchmarks against one in-process sandbox and writes their sections of {@code
 * docs/benchmarks.md}: {@code client-overhead}, {@code client-batcher}, {@code
 * client-retry-budget}.
 *
 * <p>Arguments: {@code [report-path]} (default {@code docs/benchmarks.md}, also found from the
 * bench module's directory). System properties: {@code bench.quick=true} shortens every part for a
 * smoke run and prints instead of writing; {@code bench.parts} picks parts from {@code
 * overhead,batcher,budget} (default all).
 */
public final class ClientBench {

    private static final Logger LOG = LoggerFactory.getLogger(ClientBench.class);
    private static final String KEY = "bench";

    /** How to rerun these benchmarks from the repository root. */
    static final String COMMAND =
            "./mvnw -B -q -pl bench compile exec:java"
                    + " -Dexec.mainClass=dev.reapi.bench.client.ClientBench";

    private ClientBench() {}

    /** Runs every part and updates the report. */
    public static void main(String[] args) throws Exception {
        boolean quick = Boolean.getBoolean("bench.quick");
        Set<String> parts =
                Set.of(System.getProperty("bench.parts", "overhead,batcher,budget").split(","));
        Path report = report(args);
        Set<String> keys = new HashSet<>(RetryBudgetBench.KEYS);
        keys.add(KEY);
        try (Sandbox sandbox =
                Sandbox.start(SandboxOptions.defaults().withPort(0).withApiKeys(keys))) {
            LOG.info("Sandbox at {}; report {}", sandbox.baseUrl(), report.toAbsolutePath());
            if (parts.contains("overhead")) {
                OverheadBench.Result overhead =
                        new OverheadBench(sandbox, KEY)
                                .run(quick ? 200 : 2_000, quick ? 500 : 10_000);
                LOG.info("client-overhead: {}", overhead);
                write(quick, report, "client-overhead", overhead.markdown());
            }
            if (parts.contains("batcher")) {
                BatcherBench.Result batcher =
                        new BatcherBench(sandbox, KEY).run(10_000, 2_000, 100, 8);
                LOG.info("client-batcher: {}", batcher);
                write(quick, report, "client-batcher", batcher.markdown());
            }
            if (parts.contains("budget")) {
                RetryBudgetBench.Result budget =
                        new RetryBudgetBench(sandbox).run(quick ? 3 : 30, 20);
                LOG.info("client-retry-budget: {}", budget);
                write(quick, report, "client-retry-budget", budget.markdown());
            }
        }
    }

    private static void write(boolean quick, Path report, String section, String markdown)
            throws java.io.IOException {
        if (quick) {
            System.out.println(markdown);
            return;
        }
        String stamped =
                markdown.strip()
                        + "\n\n_Measured "
                        + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                        + " on "
                        + Runtime.getRuntime().availableProcessors()
                        + " cores (load average "
                        + String.format(
                                java.util.Locale.ROOT,
                                "%.1f",
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                        .getSystemLoadAverage())
                        + " when written), JDK "
                        + Runtime.version()
                        + ". Command: `"
                        + COMMAND
                        + "`._\n";
        BenchReport.replaceSection(report, section, stamped);
    }

    private static Path report(String[] args) {
        if (args.length > 0) {
            return Path.of(args[0]);
        }
        Path here = Path.of("docs/benchmarks.md");
        Path parent = Path.of("../docs/benchmarks.md");
        if (!Files.isDirectory(Path.of("docs")) && Files.isDirectory(Path.of("../docs"))) {
            return parent;
        }
        return here;
    }
}
