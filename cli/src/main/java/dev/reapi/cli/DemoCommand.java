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
            "The demo user's key is written to data/demo-key.txt."
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
        Gateway gateway;
        try {
            gateway = Gateway.start(GatewayConfig.load(Optional.empty(), environment(sandbox)));
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

    /** The process environment with the upstream pointed at the sandbox. */
    private Map<String, String> environment(Sandbox sandbox) {
        var env = new HashMap<>(System.getenv());
        env.put("REALESTATEAPI_KEY", "sandbox");
        env.put("REALESTATEAPI_BASE_URL", sandbox.baseUrl());
        env.put("REAPI_PORT", Integer.toString(port));
        return env;
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
