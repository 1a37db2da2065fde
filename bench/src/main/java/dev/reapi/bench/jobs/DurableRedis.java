package dev.reapi.bench.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private {@code redis-server} that syncs its append-only file to disk before answering each
 * write ({@code appendfsync always}), so that a queue on it is as durable as a committed database
 * row. It runs on a free local port with its files in a temporary directory, both gone after {@link
 * #close}. Not thread-safe.
 */
final class DurableRedis implements AutoCloseable {

    private static final Duration START_WAIT = Duration.ofSeconds(10);

    private final Process process;
    private final Path dir;
    private final int port;

    private DurableRedis(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts one, or returns empty when {@code redis-server} is not on the PATH.
     *
     * @throws IllegalStateException when it does not accept connections within 10 s
     */
    static Optional<DurableRedis> start() throws IOException, InterruptedException {
        if (!onPath("redis-server")) {
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory("reapi-bench-redis-aof");
        int port = freePort();
        Process process =
                new ProcessBuilder(
                                List.of(
                                        "redis-server",
                                        "--bind",
                                        "127.0.0.1",
                                        "--port",
                                        String.valueOf(port),
                                        "--dir",
                                        dir.toString(),
                                        "--save",
                                        "",
                                        "--appendonly",
                                        "yes",
                                        "--appendfsync",
                                        "always"))
                        .redirectOutput(dir.resolve("redis.log").toFile())
                        .redirectErrorStream(true)
                        .start();
        var redis = new DurableRedis(process, dir, port);
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (!redis.accepting()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                redis.close();
                throw new IllegalStateException(
                        "redis-server with appendfsync always did not start on port " + port);
            }
            Thread.sleep(50);
        }
        return Optional.of(redis);
    }

    /** The URL to give Bull as {@code REDIS_URL}. */
    String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }

    private boolean accepting() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean onPath(String command) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }
}
