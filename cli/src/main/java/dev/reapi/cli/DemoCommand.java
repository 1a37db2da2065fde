package dev.reapi.cli;

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
import picocli.CommandLine.Spec;

/**
 * {@code reapi demo}: the sandbox and the gateway together on embedded defaults, with a demo user
 * whose key is written to {@code data/demo-key.txt}.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the sandbox and the gateway in front of it on embedded defaults, creates a"
                    + " demo user and prints how to call the gateway.",
            "The demo user's key is written to data/demo-key.txt. The sandbox delivers its market"
                    + " webhooks to the gateway, so the demo replica follows the market live."
        })
final class DemoCommand implements Callable<Integer> {

    static final String DEMO_USER = "demo";
    static final Path KEY_FILE = Path.of("data", "demo-key.txt");

    @Spec CommandSpec spec;

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

    @Override
    public Integer call() throws InterruptedException {
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
                            GatewayConfig.load(Optional.empty(), environment(sandbox, secret)));
            // The sandbox's market events keep the demo replica current while it runs.
            sandbox.registerWebhook(
                    "http://127.0.0.1:" + gateway.port() + "/webhooks/property-updates", secret);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        ApiKeys.IssuedKey key = gateway.apiKeys().issue(DEMO_USER, "free", false);
        writeKey(key.rawKey());
        printWelcome(spec.commandLine().getOut(), gateway, sandbox, key.rawKey());
        Shutdown.awaitSignal(sandbox, gateway);
        return 0;
    }

    /**
     * The process environment with the upstream pointed at the sandbox and the webhook secret
     * shared with it.
     */
    private Map<String, String> environment(Sandbox sandbox, String secret) {
        var env = new HashMap<>(System.getenv());
        env.put("REALESTATEAPI_KEY", "sandbox");
        env.put("REALESTATEAPI_BASE_URL", sandbox.baseUrl());
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

    private static void writeKey(String rawKey) {
        try {
            Files.createDirectories(KEY_FILE.getParent());
            Files.writeString(KEY_FILE, rawKey + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo key to " + KEY_FILE, e);
        }
    }

    private static void printWelcome(
            PrintWriter out, Gateway gateway, Sandbox sandbox, String rawKey) {
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
        out.println("  demo key  " + KEY_FILE + " (user '" + DEMO_USER + "')");
        out.println();
        out.println("Try:");
        out.println("  curl -H 'X-API-Key: " + rawKey + "' " + base + "/api/properties/P000000001");
        out.println();
        out.flush();
    }
}
