package dev.reapi.gateway.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The Redis that tests run against: {@code REAPI_TEST_REDIS_URL} (a {@code redis://} URI), by
 * default {@value #DEFAULT_URL}.
 *
 * <p>Tests share the server; each takes its own key prefix with {@link #freshKeyspace()} and
 * closing the keyspace deletes the keys under it. Use it directly, or {@link RequiresRedis} on a
 * class or method. Thread-safe.
 */
public final class TestRedis {

    /** Where tests look for Redis when {@code REAPI_TEST_REDIS_URL} is not set. */
    public static final String DEFAULT_URL = "redis://127.0.0.1:6379";

    private static final String HOW_TO =
            "start Redis on 127.0.0.1:6379, or set REAPI_TEST_REDIS_URL to a redis:// URI";

    private static volatile Optional<String> unavailableReason;

    private TestRedis() {}

    /** The URI of the test server. */
    public static String url() {
        String configured = System.getenv("REAPI_TEST_REDIS_URL");
        return configured == null || configured.isBlank() ? DEFAULT_URL : configured.strip();
    }

    /** Why Redis cannot be used, with what to do about it; empty when it can. Probed once. */
    public static synchronized Optional<String> unavailableReason() {
        if (unavailableReason == null) {
            unavailableReason = probe();
        }
        return unavailableReason;
    }

    /** Skips the calling test when Redis is unavailable, or fails it when {@code CI=true}. */
    public static void requireAvailable() {
        unavailableReason().ifPresent(ServiceGate::unavailable);
    }

    /** A key prefix no other test uses, like {@code test:3f2a9c01:}. Skips or fails if absent. */
    public static RedisKeyspace freshKeyspace() {
        requireAvailable();
        return new RedisKeyspace(
                url(), "test:" + UUID.randomUUID().toString().substring(0, 8) + ":");
    }

    private static Optional<String> probe() {
        RedisURI uri;
        try {
            uri = RedisURI.create(url());
        } catch (IllegalArgumentException e) {
            return Optional.of(
                    "REAPI_TEST_REDIS_URL is not a redis:// URI (" + e.getMessage() + ")");
        }
        return ping(uri.getHost(), uri.getPort())
                .map(
                        reason ->
                                "Redis at "
                                        + uri.getHost()
                                        + ":"
                                        + uri.getPort()
                                        + " "
                                        + reason
                                        + "; "
                                        + HOW_TO);
    }

    /**
     * Sends a bare PING over a socket, which is cheap and starts none of Lettuce's event loops.
     *
     * @return empty when the server answered, else what went wrong
     */
    static Optional<String> ping(String host, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readNBytes(5), StandardCharsets.US_ASCII);
            // A server that wants a password still proves it is there.
            return text.startsWith("+PONG") || text.startsWith("-NOAU")
                    ? Optional.empty()
                    : Optional.of("answered '" + text.strip() + "' to PING");
        } catch (IOException e) {
            return Optional.of("is unavailable (" + e.getMessage() + ")");
        }
    }

    /**
     * One test's share of the Redis server.
     *
     * @param url the server's URI
     * @param prefix prepend it to every key the test writes
     */
    public record RedisKeyspace(String url, String prefix) implements AutoCloseable {

        /** Deletes every key under {@link #prefix}. */
        @Override
        public void close() {
            RedisClient client = RedisClient.create(url);
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                var commands = connection.sync();
                ScanCursor cursor = ScanCursor.INITIAL;
                do {
                    var page =
                            commands.scan(
                                    cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
                    if (!page.getKeys().isEmpty()) {
                        commands.del(page.getKeys().toArray(String[]::new));
                    }
                    cursor = page;
                } while (!cursor.isFinished());
            } finally {
                client.shutdown();
            }
        }
    }
}
