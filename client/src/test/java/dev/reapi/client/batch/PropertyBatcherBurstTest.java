package dev.reapi.client.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.Property;
import dev.reapi.client.testing.ManualDelayer;
import dev.reapi.client.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cold burst on fake time: concurrent clients draw Zipf-distributed ids, each request taking a
 * random service time (the HTTP round trip and the cache lookup) and a miss also waiting for its
 * bulk call, which answers after a fixed latency. Ids fetched once are cached, so only misses reach
 * the batcher. A 20 ms mean service time makes a fixed 10 ms window send about 5 ids per call, as
 * the gateway's cold Zipf benchmark measured (about 6).
 */
class PropertyBatcherBurstTest {

    private static final int CLIENTS = 64;
    private static final int REQUESTS = 100_000;
    private static final int IDS = 20_000;
    private static final Duration LATENCY = Duration.ofMillis(5);

    private static final long MEAN_SERVICE_NANOS = Duration.ofMillis(20).toNanos();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final ManualDelayer timer = ManualDelayer.held(clock);
    private final Set<String> cached = new HashSet<>();
    private int remaining = REQUESTS;
    private int idle;

    @ParameterizedTest
    @ValueSource(longs = {42L, 7L, 20261203L})
    void get_coldZipfBurstWithDefaults_sendsAtLeastTenIdsPerBulkCall(long seed) {
        PropertyBatcher.Stats stats =
                burst(PropertyBatcher.Options.defaults(), seed, MEAN_SERVICE_NANOS);

        assertThat(stats.idsSent()).isGreaterThanOrEqualTo(10 * stats.batches());
    }

    @ParameterizedTest
    @ValueSource(longs = {42L, 7L, 20261203L})
    void get_coldZipfBurst_adaptiveWindowSendsFewerCallsThanAFixedOne(long seed) {
        Duration wait = Duration.ofMillis(10);
        PropertyBatcher.Stats fixed =
                burst(new PropertyBatcher.Options(100, wait, wait, 1), seed, MEAN_SERVICE_NANOS);
        PropertyBatcher.Stats adaptive =
                new PropertyBatcherBurstTest()
                        .burst(PropertyBatcher.Options.defaults(), seed, MEAN_SERVICE_NANOS);

        assertThat(adaptive.batches()).isLessThan(fixed.batches() / 2);
    }

    /** Runs the burst to the end and returns what the batcher sent. */
    PropertyBatcher.Stats burst(PropertyBatcher.Options options, long seed, long meanServiceNanos) {
        PropertyBatcher batcher = new PropertyBatcher(this::answerLater, options, timer);
        double[] cumulative = zipf(IDS);
        Random random = new Random(seed);

        for (int client = 0; client < CLIENTS; client++) {
            request(batcher, cumulative, random, meanServiceNanos);
        }
        while (idle < CLIENTS) {
            timer.advance(Duration.ofMillis(1));
        }

        return batcher.stats();
    }

    private void request(
            PropertyBatcher batcher, double[] cumulative, Random random, long meanServiceNanos) {
        if (remaining == 0) {
            idle++;
            return;
        }
        remaining--;
        int rank = Arrays.binarySearch(cumulative, random.nextDouble());
        String id = "P" + (rank < 0 ? -rank - 1 : rank);
        Duration service = Duration.ofNanos((long) (random.nextDouble() * 2 * meanServiceNanos));
        timer.schedule(
                () -> {
                    if (cached.contains(id)) {
                        request(batcher, cumulative, random, meanServiceNanos);
                        return;
                    }
                    var unused =
                            batcher.get(id)
                                    .thenRun(
                                            () -> {
                                                cached.add(id);
                                                request(
                                                        batcher,
                                                        cumulative,
                                                        random,
                                                        meanServiceNanos);
                                            });
                },
                service);
    }

    private CompletableFuture<BulkResult> answerLater(List<String> ids, String requestId) {
        CompletableFuture<BulkResult> answer = new CompletableFuture<>();
        List<Property> found = ids.stream().map(PropertyBatcherTest::property).toList();
        timer.schedule(() -> answer.complete(new BulkResult(found, List.of())), LATENCY);
        return answer;
    }

    private static double[] zipf(int n) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int rank = 1; rank <= n; rank++) {
            sum += 1.0 / rank;
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }
}
