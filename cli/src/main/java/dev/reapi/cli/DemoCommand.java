package dev.reapi.cli;

import dev.reapi.client.Provider;
import dev.reapi.gateway.application.port.out.ApiKeys;
import dev.reapi.gateway.config.Gateway;
import dev.reapi.gateway.config.GatewayConfig;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code reapi demo}: the sandbox and the gateway together on embedded defaults, with a demo user
 * whose key is written to {@code data/demo-key.txt}. {@code --provider v2} points the gateway at
 * the sandbox's v2 API, which sends no property webhooks, so none are registered.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the sandbox and the gateway in front of it on embedded defaults, creates a"
                    + " demo user and prints how to call the gateway.",
            "The demo user's key is written to data/demo-key.txt. On v1 the sandbox delivers its"
                + " market webhooks to the gateway, so the demo replica follows the market live; v2"
                + " has no property webhooks."
        })
final class DemoCommand implements Callable<Integer> {

    static final String DEMO_USER = "demo";
    static final Path KEY_FILE = Path.of("data", "demo-key.txt");

    @Spec CommandSpec spec;

    /** Where the demo key is written; tests move it out of the working directory. */
    Path keyFile = KEY_FILE;

    /** The environment the gateway's configuration starts from; tests replace it. */
    Map<String, String> baseEnvironment = System.getenv();

    @Option(names = "--port", description = "The gateway's port (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(
            names = "--sandbox-port",
            description = "The sandbox's port (default: ${DEFAULT-VALUE}).")
    int sandboxPort = 8090;

    @Option(
            names = "--properties",
            description = "Properties in the sandbox's dataset (default: ${DEFAULT-VALUE}).")
    long properties = 100_000;

    @Option(
            names = "--provider",
            paramLabel = "v1|v2",
            description =
                    "Which of the vendor's APIs the gateway speaks to the sandbox (default:"
                            + " ${DEFAULT-VALUE}).")
    String provider = "v1";

    @Override
    public Integer call() throws InterruptedException {
        Running demo = start();
        Shutdown.awaitSignal(demo.sandbox(), demo.gateway());
        return 0;
    }

    /** Starts the sandbox and the gateway, issues the demo key and prints the welcome. */
    Running start() {
        Provider upstream = provider();
        var sandbox =
                Sandbox.start(
                        SandboxOptions.defaults()
                                .withPort(sandboxPort)
                                .withProperties(properties)
                                .withMarketChangesPerSecond(1.0));
        String secret = webhookSecret();
        Gateway gateway;
        try {
            gateway =
                    Gateway.start(
                            GatewayConfig.load(
                                    Optional.empty(), environment(sandbox, upstream, secret)));
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        try {
            if (upstream == Provider.V1) {
                // The sandbox's market events keep the demo replica current while it runs.
                sandbox.registerWebhook(
                        "http://127.0.0.1:" + gateway.port() + "/webhooks/property-updates",
                        secret);
            }
            ApiKeys.IssuedKey key = gateway.apiKeys().issue(DEMO_USER, "free", false);
            writeKey(key.rawKey());
            printWelcome(spec.commandLine().getOut(), gateway, sandbox, upstream, key.rawKey());
        } catch (RuntimeException e) {
            gateway.close();
            sandbox.close();
            throw e;
        }
        return new Running(sandbox, gateway);
    }

    private Provider provider() {
        return switch (provider) {
            case "v1" -> Provider.V1;
            case "v2" -> Provider.V2;
            default ->
                    throw new ParameterException(
                            spec.commandLine(),
                            "--provider must be v1 or v2, was '" + provider + "'");
        };
    }

    /**
     * The process environment with the upstream pointed at the sandbox's {@code upstream} API and
     * the webhook secret shared with it.
     */
    private Map<String, String> environment(Sandbox sandbox, Provider upstream, String secret) {
        var env = new HashMap<>(baseEnvironment);
        env.put("REALESTATEAPI_KEY", "sandbox");
        env.put("REALESTATEAPI_BASE_URL", sandbox.baseUrl());
        env.put("REALESTATEAPI_PROVIDER", upstream == Provider.V1 ? "v1" : "v2");
        env.put("REAPI_PORT", Integer.toString(port));
        env.put("REAPI_WEBHOOK_SECRETS", secret);
        return env;
    }

    /** A fresh {@code whsec_} secret for this run's sandbox and gateway. */
    private static String webhookSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private void writeKey(String rawKey) {
        try {
            Path parent = keyFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(keyFile, rawKey + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo key to " + keyFile, e);
        }
    }

    private void printWelcome(
            PrintWriter out, Gateway gateway, Sandbox sandbox, Provider upstream, String rawKey) {
        String base = "http://127.0.0.1:" + gateway.port();
        out.println();
        out.println("reapi demo is running (Ctrl-C stops it)");
        out.println("  gateway   " + base + "    API docs " + base + "/docs");
        out.println("  metrics   " + base + "/metrics    health " + base + "/health/ready");
        out.println(
                "  sandbox   "
                        + sandbox.baseUrl()
                        + "    billing "
                        + sandbox.baseUrl()
                        + "/_sandbox/stats");
        out.println("  demo key  " + keyFile + " (user '" + DEMO_USER + "')");
        if (upstream == Provider.V1) {
            out.println("  upstream  sandbox v1 API; its market webhooks keep the replica current");
        } else {
            out.println("  upstream  sandbox v2 API; v2 sends no property webhooks, so none are");
            out.println("            registered: the replica follows the market through sync");
            out.println("            (see docs/providers.md)");
        }
        out.println();
        out.println("Try:");
        out.println("  curl -H 'X-API-Key: " + rawKey + "' " + base + "/api/properties/P000000001");
        out.println();
        out.flush();
    }

    /** A started demo; closing it stops the gateway, then the sandbox. */
    record Running(Sandbox sandbox, Gateway gateway) implements AutoCloseable {

        @Override
        public void close() {
            gateway.close();
            sandbox.close();
        }
    }
}
