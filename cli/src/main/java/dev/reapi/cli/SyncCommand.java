package dev.reapi.cli;

import dev.reapi.gateway.application.sync.SyncProgress;
import dev.reapi.gateway.application.sync.SyncStart;
import dev.reapi.gateway.config.BatchSyncRun;
import dev.reapi.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reapi sync}: one batch sync of the upstream's changes (the updated feed on v1, the daily
 * change files on v2) into the configured database, in the foreground, with progress on stderr and
 * a summary on stdout.
 */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one batch sync of the upstream's changes into the replica (the updated feed on"
                    + " v1, the daily change files on v2), without the HTTP server, then prints a"
                    + " summary.",
            "Without --since or --full it continues an interrupted run, else goes on from the"
                    + " last run (like the gateway's daily schedule).",
            "Do not run it while a gateway on the same database may run its scheduled sync."
        })
final class SyncCommand implements Callable<Integer> {

    /** Pages between two progress lines when stderr is not a terminal. */
    static final int LINE_EVERY_PAGES = 10;

    @Spec CommandSpec spec;

    @ArgGroup(exclusive = true)
    Range range;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML configuration file.")
    Optional<Path> config = Optional.empty();

    static final class Range {

        @Option(
                names = "--since",
                paramLabel = "T",
                converter = InstantConverter.class,
                description =
                        "Sync changes at or after T: an ISO-8601 instant or a date (UTC). On v2,"
                                + " from the change files of T's day.")
        Instant since;

        @Option(
                names = "--full",
                description =
                        "Sync everything, and mark what is gone deleted. On v2, every day the"
                                + " upstream keeps change files for (366).")
        boolean full;
    }

    @Override
    public Integer call() {
        config.ifPresent(ServeCommand::requireReadable);
        GatewayConfig loaded = GatewayConfig.load(config, System.getenv());
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, terminal());
        SyncProgress done =
                BatchSyncRun.run(
                        loaded, start(), progress, new SimpleMeterRegistry(), Clock.systemUTC());
        progress.end();
        PrintWriter out = spec.commandLine().getOut();
        out.println("reapi sync: " + Progress.describe(done));
        out.flush();
        return 0;
    }

    private SyncStart start() {
        if (range == null) {
            return SyncStart.resume();
        }
        return range.full ? SyncStart.full() : SyncStart.since(range.since);
    }

    /** Whether stderr is likely a terminal (a console exists and, on Java 22+, says so). */
    // Compiled for Java 21, where null means "no terminal"; isTerminal() is asked when it exists.
    @SuppressWarnings("SystemConsoleNull")
    private static boolean terminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Parses {@code --since}: an instant ({@code 2026-12-01T00:00:00Z}) or a UTC date. */
    static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.contains("T")
                        ? Instant.parse(value)
                        : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(
                        "'"
                                + value
                                + "' is neither an ISO-8601 instant (2026-12-01T00:00:00Z) nor a"
                                + " date (2026-12-01)");
            }
        }
    }

    /** A redrawn status line on a terminal, a plain line every few pages otherwise. */
    static final class Progress implements SyncProgress.Listener {

        private final PrintWriter err;
        private final boolean terminal;
        private boolean drawn;

        Progress(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void pageCommitted(SyncProgress progress) {
            if (terminal) {
                err.print("\r" + describe(progress) + "   ");
                drawn = true;
                err.flush();
            } else if (progress.pages() % LINE_EVERY_PAGES == 0) {
                err.println("reapi sync: " + describe(progress));
                err.flush();
            }
        }

        void end() {
            if (drawn) {
                err.println();
                err.flush();
            }
        }

        static String describe(SyncProgress p) {
            return String.format(
                    Locale.ROOT,
                    "%,d pages, %,d properties, %,d changes in %.1f s (%,.0f properties/s)",
                    p.pages(),
                    p.properties(),
                    p.changes(),
                    p.elapsed().toMillis() / 1000.0,
                    p.rate());
        }
    }
}
