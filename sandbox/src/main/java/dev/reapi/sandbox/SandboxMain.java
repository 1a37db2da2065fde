package dev.reapi.sandbox;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a sandbox from the command line until the process is stopped. Flags: {@code --host H}
 * (default 127.0.0.1), {@code --port N} (default 8090), {@code --properties N} (default 100000),
 * {@code --seed N} (default 42), {@code --api-key K} (repeatable; default "sandbox"), {@code
 * --market-rate R} (changes per second; default 0).
 */
public final class SandboxMain {
    private SandboxMain() {}

    public static void main(String[] args) throws InterruptedException {
        SandboxOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sandbox: " + e.getMessage());
            System.err.println(
                    "usage: SandboxMain [--host H] [--port N] [--properties N] [--seed N]"
                            + " [--api-key K]... [--market-rate R]");
            System.exit(2);
            return;
        }
        Sandbox sandbox = Sandbox.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    sandbox.close();
                                    stopped.countDown();
                                }));
        System.out.println("sandbox listening on " + sandbox.baseUrl());
        stopped.await();
    }

    static SandboxOptions parse(String[] args) {
        SandboxOptions o = SandboxOptions.defaults().withPort(8090);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            try {
                o =
                        switch (flag) {
                            case "--host" -> o.withHost(value);
                            case "--port" -> o.withPort(Integer.parseInt(value));
                            case "--properties" -> o.withProperties(Long.parseLong(value));
                            case "--seed" -> o.withSeed(Long.parseLong(value));
                            case "--market-rate" ->
                                    o.withMarketChangesPerSecond(Double.parseDouble(value));
                            case "--api-key" -> {
                                keys.add(value);
                                yield o;
                            }
                            default -> throw new IllegalArgumentException("unknown flag " + flag);
                        };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a number, got " + value, e);
            }
        }
        return keys.isEmpty() ? o : o.withApiKeys(keys);
    }
}
