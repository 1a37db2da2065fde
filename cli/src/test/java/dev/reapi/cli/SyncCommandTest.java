package dev.reapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiReplicaStore;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyncCommandTest {

    @TempDir Path dir;

    private Path config(String baseUrl) throws IOException {
        return config(baseUrl, "v1");
    }

    private Path config(String baseUrl, String provider) throws IOException {
        Path file = dir.resolve("reapi.yaml");
        Files.writeString(
                file,
                """
                upstream: {provider: %s, api_key: sandbox, base_url: "%s"}
                database: {url: "jdbc:sqlite:%s"}
                sync: {batch_page_size: 7}
                """
                        .formatted(provider, baseUrl, dir.resolve("reapi.db")));
        return file;
    }

    @Test
    void sync_full_againstTheSandbox_fillsTheReplicaAndPrintsASummary() throws IOException {
        try (Sandbox sandbox =
                Sandbox.start(SandboxOptions.defaults().withPort(0).withProperties(30))) {
            Path file = config(sandbox.baseUrl());

            Run run = run("sync", "--full", "--config", file.toString());

            assertThat(run.exit).as(run.err).isZero();
            assertThat(run.out).startsWith("reapi sync: 5 pages, 30 properties, 0 changes");
            try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("reapi.db"))) {
                assertThat(new JdbiReplicaStore(db).find("P000000030")).isPresent();
            }
        }
    }

    @Test
    void sync_fullOnV2_readsEveryKeptDaysChangeFilesAndPrintsASummary() throws IOException {
        try (Sandbox sandbox =
                Sandbox.start(SandboxOptions.defaults().withPort(0).withProperties(30))) {
            Path file = config(sandbox.baseUrl(), "v2");

            Run run = run("sync", "--full", "--config", file.toString());

            assertThat(run.exit).as(run.err).isZero();
            // The sandbox spreads its properties over the last year, at most one a day here.
            assertThat(run.out).startsWith("reapi sync: 30 pages, 30 properties, 0 changes");
            try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("reapi.db"))) {
                assertThat(new JdbiReplicaStore(db).find("P000000030")).isPresent();
            }
        }
    }

    @Test
    void sync_upstreamUnreachable_failsWithOneLine() throws IOException {
        Path file = config("http://127.0.0.1:9");

        Run run = run("sync", "--since", "2026-12-01", "--config", file.toString());

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).startsWith("reapi: ");
        assertThat(run.out).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--since 2026-12-01 --full",
                "--since yesterday",
                "--since 2026-13-01",
                "--bogus"
            })
    void sync_badFlags_exitWith2(String flags) {
        Run run = run(("sync " + flags).split(" "));

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).startsWith("reapi: ").contains("Try 'reapi sync --help'.");
    }

    private static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private record Run(int exit, String out, String err) {}
}
