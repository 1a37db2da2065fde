package dev.reapi.bench.client;

import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.RealEstateApiClientBuilder;
import dev.reapi.client.model.Property;
import dev.reapi.sandbox.FaultSettings;
import dev.reapi.sandbox.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Upstream attempts during an outage: three clients with different retry protection offer the same
 * open-loop load at the same time, each under its own API key, while the sandbox answers every call
 * with 503 for the outage's duration (real time).
 */
final class RetryBudgetBench {

    /** Keys of the three clients; the sandbox counts requests per key. */
    static final List<String> KEYS = List.of("bench-no-budget", "bench-budget", "bench-defaults");

    record Row(String name, String setup, long calls, long attempts) {}

    record Result(int seconds, int callsPerSecond, List<Row> rows) {

        String markdown() {
            StringBuilder table = new StringBuilder();
            for (Row row : rows) {
                table.append(
                        String.format(
                                Locale.ROOT,
                                "| %s | %s | %,d | %,d | %.2f |%n",
                                row.name(),
                                row.setup(),
                                row.calls(),
                                row.attempts(),
                                (double) row.attempts() / row.calls()));
            }
            return String.format(
                            Locale.ROOT,
                            """
                            ### Retry budget during an outage

                            The sandbox answers every call with 503 for %d s (real time). Three \
                            clients run side by side, each offering the same open-loop load of %d \
                            `getProperty` calls per second for those %d s, with at most 3 \
                            attempts per call and full-jitter backoff (100 ms base, 2 s cap). \
                            Attempts are the requests the sandbox received per API key.

                            | client | protection | calls | upstream attempts | attempts per call |
                            |---|---|---:|---:|---:|
                            """,
                            seconds,
                            callsPerSecond,
                            seconds)
                    + table;
        }
    }

    private final Sandbox sandbox;

    RetryBudgetBench(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    Result run(int seconds, int callsPerSecond) throws Exception {
        sandbox.resetStats();
        sandbox.setFaults(FaultSettings.none().withOutageSeconds(seconds));
        List<RealEstateApiClient> clients =
                List.of(
                        base(KEYS.get(0)).withoutRetryBudget().withoutCircuitBreaker().build(),
                        base(KEYS.get(1)).withoutCircuitBreaker().build(),
                        base(KEYS.get(2)).build());
        List<CompletableFuture<Property>> calls = new ArrayList<>();
        long perClient;
        try (ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor()) {
            long periodMicros = 1_000_000L / callsPerSecond;
            ScheduledFuture<?> offering =
                    ticker.scheduleAtFixedRate(
                            () -> {
                                for (RealEstateApiClient client : clients) {
                                    CompletableFuture<Property> call =
                                            client.getPropertyAsync("P000000001")
                                                    .exceptionally(e -> null);
                                    synchronized (calls) {
                                        calls.add(call);
                                    }
                                }
                            },
                            0,
                            periodMicros,
                            TimeUnit.MICROSECONDS);
            Thread.sleep(Duration.ofSeconds(seconds));
            offering.cancel(false);
        }
        synchronized (calls) {
            CompletableFuture.allOf(calls.toArray(CompletableFuture<?>[]::new)).join();
            perClient = calls.size() / clients.size();
        }
        clients.forEach(RealEstateApiClient::close);
        sandbox.resetFaults();
        Map<String, Long> attempts = sandbox.stats().requestsByApiKey();
        return new Result(
                seconds,
                callsPerSecond,
                List.of(
                        new Row(
                                "no budget",
                                "retries only",
                                perClient,
                                attempts.getOrDefault(KEYS.get(0), 0L)),
                        new Row(
                                "budget",
                                "retry budget 20 %, min 3/s, 10 s window",
                                perClient,
                                attempts.getOrDefault(KEYS.get(1), 0L)),
                        new Row(
                                "defaults",
                                "retry budget + circuit breaker (client defaults)",
                                perClient,
                                attempts.getOrDefault(KEYS.get(2), 0L))));
    }

    private RealEstateApiClientBuilder base(String key) {
        return RealEstateApiClient.builder()
                .apiKey(key)
                .baseUrl(sandbox.baseUrl())
                .environment("bench")
                .maxConcurrentCalls(1_000);
    }
}
