package dev.reapi.gateway.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A private {@code redis-server} started by a test on a free port, which the test may stop and
 * start again to see how the code under test copes with Redis going away. It keeps nothing on disk
 * ({@code --save "" --appendonly no}). Skips (or fails with {@code CI=true}) when {@value #BINARY}
 * is not installed. Not thread-safe: one test drives it.
 */
public final class RedisServerProcess implements AutoCloseable {

    /** The server binary this helper runs. */
    public static final String BINARY = "/usr/bin/redis-server";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final int port;
    private @Nullable Process process;

    private RedisServerProcess(int port) {
        this.port = port;
    }

    /** Starts a server on a free port and waits until it answers. */
    public static RedisServerProcess start() {
        if (!Files.isExecutable(Path.of(BINARY))) {
            ServiceGate.unavailable(BINARY + " is not installed; apt-get install redis-server");
        }
        var server = new RedisServerProcess(freePort());
        server.startAgain();
        return server;
    }

    /** The port the server listens on, the same across restarts. */
    public int port() {
        return port;
    }

    /** The server's URI, e.g. {@code redis://127.0.0.1:40123}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server and waits until it has exited. */
    public void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping redis on " + port, e);
        }
        process = null;
    }

    /** Starts the server again on the same port and waits until it answers. */
    public void startAgain() {
        if (process != null) {
            throw new IllegalStateException("redis on port " + port + " is already running");
        }
        var builder =
                new ProcessBuilder(
                        BINARY,
                        "--port",
                        String.valueOf(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + BINARY + " on port " + port, e);
        }
        await("redis-server on port " + port)
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> TestRedis.ping("127.0.0.1", port).isEmpty());
    }

    /** Whether the process is running. */
    public boolean isRunning() {
        return Optional.ofNullable(process).map(Process::isAlive).orElse(false);
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free local port", e);
        }
    }
}
