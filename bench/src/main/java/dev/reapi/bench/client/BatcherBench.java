package dev.reapi.bench.client;

import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.batch.PropertyBatcher;
import dev.reapi.client.model.Property;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.StatsSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batching: many concurrent single-property lookups over fewer distinct ids through {@link
 * PropertyBatcher}, counting what reached the sandbox's bulk endpoint.
 */
final class BatcherBench {

    record Result(
            int lookups,
            int distinct,
            int batchSize,
            int threads,
            long bulkCalls,
            long recordsFetched,
            long otherRequests,
            long millis) {

        String markdown() {
            return String.format(
                    Locale.ROOT,
                    """
                    ### PropertyBatcher

                    %,d single-property lookups of %,d distinct ids (drawn at random, seeded), \
                    issued concurrently from %d threads through one `PropertyBatcher` (batch size \
                    %d, max wait 10 ms) against the in-process sandbox. Counts come from the \
                    sandbox's billing stats.

                    | measure | value | goal |
                    |---|---:|---:|
                    | bulk calls (`getPropertiesBulk`) | %,d | close to %,d |
                    | records fetched (billed) | %,d | %,d |
                    | single-property calls | %,d | 0 |
                    | wall time | %,d ms | |
                    """,
                    lookups,
                    distinct,
                    threads,
                    batchSize,
                    bulkCalls,
                    (distinct + batchSize - 1) / batchSize,
                    recordsFetched,
                    distinct,
                    otherRequests,
                    millis);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(BatcherBench.class);

    private final Sandbox sandbox;
    private final String apiKey;

    BatcherBench(Sandbox sandbox, String apiKey) {
        this.sandbox = sandbox;
        this.apiKey = apiKey;
    }

    Result run(int lookups, int distinct, int batchSize, int threads) throws Exception {
        List<String> ids = ids(lookups, distinct);
        long start;
        try (RealEstateApiClient client =
                        RealEstateApiClient.builder()
                                .apiKey(apiKey)
                                .baseUrl(sandbox.baseUrl())
                                .environment("bench")
                                .maxConcurrentCalls(1_000)
                                .build();
                PropertyBatcher batcher =
                        PropertyBatcher.of(
                                client,
                                new PropertyBatcher.Options(batchSize, Duration.ofMillis(10)));
                ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            client.getProperties(List.of("P000000001"));
            sandbox.resetStats();
            start = System.nanoTime();
            List<Future<List<CompletableFuture<Property>>>> parts = new ArrayList<>();
            int slice = (lookups + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<String> mine =
                        ids.subList(
                                Math.min(ids.size(), t * slice),
                                Math.min(ids.size(), (t + 1) * slice));
                parts.add(pool.submit(() -> mine.stream().map(batcher::get).toList()));
            }
            List<List<CompletableFuture<Property>>> issued = new ArrayList<>();
            for (Future<List<CompletableFuture<Property>>> part : parts) {
                issued.add(part.get());
            }
            LOG.info(
                    "all lookups issued after {} ms: {}",
                    (System.nanoTime() - start) / 1_000_000,
                    batcher.stats());
            for (List<CompletableFuture<Property>> part : issued) {
                for (CompletableFuture<Property> answer : part) {
                    answer.join();
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        StatsSnapshot stats = sandbox.stats();
        long bulk = stats.requests("getPropertiesBulk");
        return new Result(
                lookups,
                distinct,
                batchSize,
                threads,
                bulk,
                stats.records("getPropertiesBulk"),
                stats.requestsTotal() - bulk,
                millis);
    }

    private List<String> ids(int lookups, int distinct) {
        SplittableRandom random = new SplittableRandom(2026);
        Set<Long> chosen = new HashSet<>();
        while (chosen.size() < distinct) {
            chosen.add(1 + random.nextLong(sandbox.options().properties()));
        }
        List<Long> pool = new ArrayList<>(chosen);
        List<String> ids = new ArrayList<>(lookups);
        for (int i = 0; i < lookups; i++) {
            // Every distinct id at least once, the rest repeats in random order.
            long n = i < distinct ? pool.get(i) : pool.get(random.nextInt(distinct));
            ids.add(String.format(Locale.ROOT, "P%09d", n));
        }
        java.util.Collections.shuffle(ids, new java.util.Random(99));
        return ids;
    }
}
