package dev.reapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

    @TempDir Path dir;

    private Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("reapi.yaml");
        Files.writeString(
                config, "database:\n  url: jdbc:sqlite:" + dir.resolve("reapi.db") + "\n");
    }

    @Test
    void create_withoutUpstreamKey_printsTheKeyOnceAndListsItsPrefix() {
        Run created = run("keys", "create", "--user", "alice", "--plan", "pro", "--config", c());

        assertThat(created.exit).isZero();
        String key = created.out.strip();
        assertThat(key).startsWith("rk_live_");

        Run listed = run("keys", "list", "--config", c());

        assertThat(listed.exit).isZero();
        String prefix = prefixOf(key);
        assertThat(listed.out).contains(prefix).contains("alice").contains("pro");
        assertThat(listed.out).doesNotContain(key);
    }

    @Test
    void revoke_knownPrefix_marksTheKeyRevoked() {
        String key = run("keys", "create", "--user", "bob", "--config", c()).out.strip();
        String prefix = prefixOf(key);

        Run revoked = run("keys", "revoke", prefix, "--config", c());

        assertThat(revoked.exit).isZero();
        String line =
                run("keys", "list", "--config", c())
                        .out
                        .lines()
                        .filter(l -> l.startsWith(prefix))
                        .findFirst()
                        .orElseThrow();
        assertThat(line).doesNotEndWith("-");
    }

    @Test
    void revoke_unknownPrefix_failsWithOneLine() {
        Run revoked = run("keys", "revoke", "zzzzzzzz", "--config", c());

        assertThat(revoked.exit).isEqualTo(1);
        assertThat(revoked.err.strip()).isEqualTo("reapi: no key with prefix 'zzzzzzzz'");
    }

    @Test
    void create_unknownPlan_failsNamingThePlan() {
        Run created = run("keys", "create", "--user", "carol", "--plan", "gold", "--config", c());

        assertThat(created.exit).isEqualTo(1);
        assertThat(created.err.lines().findFirst().orElseThrow())
                .startsWith("reapi: ")
                .contains("gold");
    }

    @Test
    void main_unknownOption_failsWithUsageHintAndExitTwo() {
        Run run = run("keys", "create", "--usr", "dave");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).startsWith("reapi: ").contains("Try 'reapi keys create --help'.");
    }

    @Test
    void create_unreadableConfig_failsWithOneLine() {
        Run run = run("keys", "create", "--user", "erin", "--config", dir + "/missing.yaml");

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err.strip())
                .isEqualTo("reapi: configuration file " + dir + "/missing.yaml cannot be read");
    }

    /** {@code rk_live_<prefix>_<secret>}: the prefix is the third part. */
    private static String prefixOf(String key) {
        return key.substring("rk_live_".length(), "rk_live_".length() + 8);
    }

    private String c() {
        return config.toString();
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
