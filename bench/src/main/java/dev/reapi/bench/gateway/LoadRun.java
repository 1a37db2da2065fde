package dev.reapi.bench.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends a fixed list of GET requests from a number of concurrent workers and counts the answers by
 * status and by {@code meta.source} (the gateway's answers carry it; nginx's do not, and count as
 * {@code none}).
 *
 * <p>Each worker takes the next path from the list until it is exhausted, so every request is sent
 * exactly once whatever the concurrency. One instance runs once; not thread-safe itself.
 */
final class LoadRun {

    private static final String SOURCE_MEMBER = "\"source\":\"";

    private final HttpClient http;
    private final String baseUrl;
    private final Optional<Header> header;
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> sources = new ConcurrentHashMap<>();
    private final LongAdder errors = new LongAdder();

    /** One extra request header, such as {@code Authorization: Bearer ...}. */
    record Header(String name, String value) {
        Header {
            if (name.isBlank()) {
                throw new IllegalArgumentException("header name must not be blank");
            }
        }

        /** Parses {@code "Name: value"}. */
        static Header parse(String text) {
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("header must be 'Name: value', was " + text);
            }
            return new Header(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
        }
    }

    /** What one run observed. Maps are sorted by key. */
    record Result(
            int requests,
            long errors,
            long elapsedMillis,
            Map<String, Long> statuses,
            Map<String, Long> sources) {}

    LoadRun(String baseUrl, Optional<Header> header) {
        this.baseUrl = baseUrl;
        this.header = header;
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
    }

    /** Sends every path once from {@code concurrency} virtual threads; blocks until done. */
    Result run(List<String> paths, int concurrency) throws InterruptedException {
        var next = new AtomicInteger();
        long start = System.nanoTime();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                workers.execute(() -> work(paths, next));
            }
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        return new Result(
                paths.size(), errors.sum(), elapsedMillis, snapshot(statuses), snapshot(sources));
    }

    private void work(List<String> paths, AtomicInteger next) {
        for (int i = next.getAndIncrement(); i < paths.size(); i = next.getAndIncrement()) {
            send(paths.get(i));
        }
    }

    private void send(String path) {
        var request =
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(30))
                        .GET();
        header.ifPresent(h -> request.header(h.name(), h.value()));
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            count(statuses, Integer.toString(response.statusCode()));
            count(sources, source(response.body()));
        } catch (IOException e) {
            errors.increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.increment();
        }
    }

    /** The value of the first {@code "source":"..."} member, or {@code none}. */
    static String source(String body) {
        int start = body.indexOf(SOURCE_MEMBER);
        if (start < 0) {
            return "none";
        }
        start += SOURCE_MEMBER.length();
        int end = body.indexOf('"', start);
        return end < 0 ? "none" : body.substring(start, end);
    }

    private static void count(Map<String, LongAdder> counts, String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        var sorted = new TreeMap<String, Long>();
        counts.forEach((key, adder) -> sorted.put(key, adder.sum()));
        return sorted;
    }
}
