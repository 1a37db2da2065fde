package dev.reapi.bench.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.model.ModelJson;
import dev.reapi.client.model.Property;
import dev.reapi.sandbox.Sandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Client overhead: the same {@code GET /v1/properties/{id}} through the client and through a bare
 * JDK HttpClient that sends the same headers and decodes the same record, interleaved call by call
 * (alternating which goes first) on one thread, after a warm-up.
 */
final class OverheadBench {

    record Result(int calls, double clientP50, double clientP99, double rawP50, double rawP99) {

        double p50OverheadPercent() {
            return (clientP50 - rawP50) / rawP50 * 100.0;
        }

        String markdown() {
            return String.format(
                    Locale.ROOT,
                    """
                    ### Client overhead per call

                    `GET /v1/properties/{id}` against the in-process sandbox, %,d calls each, \
                    interleaved with a bare `java.net.http.HttpClient` call for the same id (same \
                    headers, same Jackson decoding into `Property`), one thread, after a \
                    2,000-call warm-up of each. The client runs with its defaults: retry, budget, \
                    circuit breaker and bulkhead on; its per-call log line is at DEBUG, which the bench's \
                    logback configuration leaves off. p99 is dominated by the shared machine's \
                    scheduling, not by either client.

                    | path | p50 (µs) | p99 (µs) |
                    |---|---:|---:|
                    | raw HttpClient | %.0f | %.0f |
                    | RealEstateApiClient | %.0f | %.0f |

                    p50 overhead: %+.1f %% (goal: within 5 %%).
                    """,
                    calls,
                    rawP50,
                    rawP99,
                    clientP50,
                    clientP99,
                    p50OverheadPercent());
        }
    }

    private final Sandbox sandbox;
    private final String apiKey;
    private final ObjectMapper mapper = ModelJson.newMapper();

    OverheadBench(Sandbox sandbox, String apiKey) {
        this.sandbox = sandbox;
        this.apiKey = apiKey;
    }

    Result run(int warmup, int calls) throws IOException, InterruptedException {
        try (RealEstateApiClient client =
                        RealEstateApiClient.builder()
                                .apiKey(apiKey)
                                .baseUrl(sandbox.baseUrl())
                                .environment("bench")
                                .build();
                HttpClient raw =
                        HttpClient.newBuilder()
                                .version(HttpClient.Version.HTTP_1_1)
                                .connectTimeout(Duration.ofSeconds(5))
                                .build()) {
            SplittableRandom ids = new SplittableRandom(7);
            for (int i = 0; i < warmup; i++) {
                String id = id(ids);
                client.getProperty(id);
                rawGet(raw, id);
            }
            long[] clientNanos = new long[calls];
            long[] rawNanos = new long[calls];
            for (int i = 0; i < calls; i++) {
                String id = id(ids);
                if (i % 2 == 0) {
                    clientNanos[i] = timeClient(client, id);
                    rawNanos[i] = timeRaw(raw, id);
                } else {
                    rawNanos[i] = timeRaw(raw, id);
                    clientNanos[i] = timeClient(client, id);
                }
            }
            Percentiles c = new Percentiles(clientNanos);
            Percentiles r = new Percentiles(rawNanos);
            return new Result(calls, c.micros(50), c.micros(99), r.micros(50), r.micros(99));
        }
    }

    private String id(SplittableRandom random) {
        long n = 1 + random.nextLong(sandbox.options().properties());
        return String.format(Locale.ROOT, "P%09d", n);
    }

    private static long timeClient(RealEstateApiClient client, String id) {
        long start = System.nanoTime();
        Property property = client.getProperty(id);
        long elapsed = System.nanoTime() - start;
        check(property, id);
        return elapsed;
    }

    private long timeRaw(HttpClient raw, String id) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Property property = rawGet(raw, id);
        long elapsed = System.nanoTime() - start;
        check(property, id);
        return elapsed;
    }

    private Property rawGet(HttpClient raw, String id) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/properties/" + id))
                        .timeout(Duration.ofSeconds(10))
                        .header("Accept", "application/json")
                        .header("X-API-Key", apiKey)
                        .header("X-Client-Version", "raw")
                        .header("X-Environment", "bench")
                        .header("X-Request-Id", UUID.randomUUID().toString())
                        .GET()
                        .build();
        HttpResponse<byte[]> response = raw.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("raw GET " + id + " answered " + response.statusCode());
        }
        return mapper.readValue(response.body(), Property.class);
    }

    private static void check(Property property, String id) {
        if (!property.id().equals(id)) {
            throw new IllegalStateException("asked for " + id + ", got " + property.id());
        }
    }
}
