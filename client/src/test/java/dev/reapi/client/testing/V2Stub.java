package dev.reapi.client.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A local HTTP server answering v2-shaped canned responses, for client tests that must not depend
 * on the sandbox's v2. Each path answers from a queue of replies (the last one repeats) or from a
 * handler; every request is recorded. Thread-safe.
 */
public final class V2Stub implements AutoCloseable {

    /** The API key the stub's clients send. */
    public static final String API_KEY = "sk-test-v2-DO-NOT-LOG";

    private final HttpServer server;
    private final Map<String, Queue<Reply>> replies = new ConcurrentHashMap<>();
    private final Map<String, Function<Request, Reply>> handlers = new ConcurrentHashMap<>();
    private final Map<String, Streamer> streamers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /**
     * One request as received.
     *
     * @param method HTTP method
     * @param path path without query
     * @param body the body as text
     * @param apiKey the {@code x-api-key} header, null when absent
     */
    public record Request(String method, String path, String body, @Nullable String apiKey) {}

    /**
     * One canned reply.
     *
     * @param status HTTP status
     * @param body the body
     * @param headers extra headers
     */
    public record Reply(int status, String body, Map<String, String> headers) {

        /** A JSON reply without extra headers. */
        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of());
        }

        /** A v2 success envelope around {@code data} (raw JSON) with {@code extra} members. */
        public static Reply ok(String data, String extra) {
            String more = extra.isEmpty() ? "" : extra + ",";
            return json(
                    200,
                    "{\"statusCode\":200,\"statusMessage\":\"OK\",\"live\":false,"
                            + more
                            + "\"data\":"
                            + data
                            + "}");
        }

        /** A v2 error envelope. */
        public static Reply error(int status, String message, String error) {
            return json(
                    status,
                    "{\"statusCode\":"
                            + status
                            + ",\"statusMessage\":\""
                            + message
                            + "\",\"error\":\""
                            + error
                            + "\"}");
        }

        /** This reply with one more header. */
        public Reply withHeader(String name, String value) {
            Map<String, String> more = new HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, Map.copyOf(more));
        }
    }

    /** Writes a streamed 200 body. */
    @FunctionalInterface
    public interface Streamer {
        /** Writes the body to {@code out}. */
        void write(OutputStream out) throws IOException;
    }

    private V2Stub(HttpServer server) {
        this.server = server;
    }

    /** Starts a stub on a free loopback port. */
    public static V2Stub start() {
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            V2Stub stub = new V2Stub(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL to build clients with. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code path} with {@code replies} in turn, repeating the last. */
    public V2Stub on(String path, Reply... replies) {
        this.replies.put(path, new ConcurrentLinkedQueue<>(List.of(replies)));
        return this;
    }

    /** Answers {@code path} with {@code handler}. */
    public V2Stub on(String path, Function<Request, Reply> handler) {
        handlers.put(path, handler);
        return this;
    }

    /** Answers {@code path} with a streamed CSV body. */
    public V2Stub stream(String path, Streamer streamer) {
        streamers.put(path, streamer);
        return this;
    }

    /** Every request so far. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests to {@code path}. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body =
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            Request request =
                    new Request(
                            exchange.getRequestMethod(),
                            path,
                            body,
                            exchange.getRequestHeaders().getFirst("x-api-key"));
            requests.add(request);
            Streamer streamer = streamers.get(path);
            if (streamer != null) {
                exchange.getResponseHeaders().set("Content-Type", "text/csv");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    streamer.write(out);
                }
                return;
            }
            send(exchange, reply(request));
        }
    }

    private Reply reply(Request request) {
        Function<Request, Reply> handler = handlers.get(request.path());
        if (handler != null) {
            return handler.apply(request);
        }
        Queue<Reply> queue = replies.get(request.path());
        if (queue == null) {
            return Reply.error(404, "Not Found", "no such route " + request.path());
        }
        Reply next = queue.size() > 1 ? queue.poll() : queue.peek();
        return next == null ? Reply.error(500, "Internal Server Error", "no reply") : next;
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        boolean xml = reply.body().startsWith("<");
        exchange.getResponseHeaders()
                .set("Content-Type", xml ? "application/xml" : "application/json");
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
