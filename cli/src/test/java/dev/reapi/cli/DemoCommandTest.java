package dev.reapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class DemoCommandTest {

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void demo_onEachProvider_servesADetailWithTheDemoKey(String provider) throws Exception {
        var out = new StringWriter();
        DemoCommand demo = demo(out, "--provider", provider);

        try (DemoCommand.Running running = demo.start();
                HttpClient http = HttpClient.newHttpClient()) {
            String key = Files.readString(dir.resolve("demo-key.txt")).strip();
            HttpResponse<String> answer =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "http://127.0.0.1:"
                                                            + running.gateway().port()
                                                            + "/api/properties/P000000001"))
                                    .header("X-API-Key", key)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(out.toString())
                    .contains("reapi demo is running")
                    .contains("upstream  sandbox " + provider + " API")
                    .contains(
                            provider.equals("v2")
                                    ? "v2 sends no property webhooks, so none are"
                                    : "its market webhooks keep the replica current");
            String requests = running.sandbox().stats().requestsByEndpoint().toString();
            assertThat(requests)
                    .contains(
                            provider.equals("v2")
                                    ? "v2.PropertyDetailBulk=1"
                                    : "getPropertiesBulk=1");
        }
    }

    @Test
    void demo_unknownProvider_exitsWith2AndOneLine() {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("demo", "--provider", "v3", "--port", "0", "--sandbox-port", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("reapi: --provider must be v1 or v2, was 'v3'");
    }

    /** The demo command as parsed from {@code args}, writing its files under the test's dir. */
    private DemoCommand demo(StringWriter out, String... args) throws IOException {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        String[] all = new String[args.length + 7];
        all[0] = "demo";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(
                new String[] {"--port", "0", "--sandbox-port", "0", "--properties", "200"},
                0,
                all,
                args.length + 1,
                6);
        CommandLine.ParseResult parsed = cli.parseArgs(all);
        DemoCommand demo = (DemoCommand) parsed.subcommand().commandSpec().userObject();
        demo.keyFile = dir.resolve("demo-key.txt");
        demo.baseEnvironment =
                Map.of(
                        "REAPI_DATABASE_URL",
                        "jdbc:sqlite:" + dir.resolve("reapi.db"),
                        "REAPI_DATA_DIR",
                        dir.toString(),
                        "REAPI_HOST",
                        "127.0.0.1");
        return demo;
    }
}
