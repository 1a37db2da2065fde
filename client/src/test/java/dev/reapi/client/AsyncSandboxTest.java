package dev.reapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.client.model.Property;
import dev.reapi.client.testing.SandboxFixture;
import dev.reapi.sandbox.FaultSettings;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The async path with the client's own timer: retries hop threads instead of blocking. */
@Timeout(20)
class AsyncSandboxTest {

    private static SandboxFixture fixture;
    private static RealEstateApiClient client;

    @BeforeAll
    static void start() {
        fixture = SandboxFixture.shared();
        client =
                RealEstateApiClient.builder()
                        .apiKey(SandboxFixture.API_KEY)
                        .baseUrl(fixture.sandbox().baseUrl())
                        .backoff(Duration.ofMillis(1), Duration.ofMillis(2))
                        .random(new Random(3))
                        .withoutCircuitBreaker()
                        .build();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @BeforeEach
    void reset() {
        fixture.reset();
    }

    @Test
    void getPropertyAsync_twoInjected503s_completesAfterThreeAttempts() throws Exception {
        fixture.sandbox().setFaults(FaultSettings.none().withFailNext(2, 503));

        Property property = client.getPropertyAsync(SandboxFixture.id(9)).get();

        assertThat(property.id()).isEqualTo(SandboxFixture.id(9));
        assertThat(fixture.sandbox().stats().requests("getProperty")).isEqualTo(3);
    }

    @Test
    void getPropertyAsync_notFound_completesExceptionallyWithTheTypedException() {
        CompletableFuture<Property> future = client.getPropertyAsync("P999999999");

        assertThatThrownBy(future::get)
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void asyncCalls_manyAtOnce_allComplete() {
        List<CompletableFuture<Property>> calls =
                java.util.stream.IntStream.rangeClosed(1, 40)
                        .mapToObj(i -> client.getPropertyAsync(SandboxFixture.id(i)))
                        .toList();

        CompletableFuture.allOf(calls.toArray(CompletableFuture<?>[]::new)).join();

        assertThat(calls).allSatisfy(c -> assertThat(c).isCompleted());
        assertThat(fixture.sandbox().stats().requests("getProperty")).isEqualTo(40);
    }

    @Test
    void bulkhead_moreCallsThanSlots_refusesTheExtraOneWithoutSendingIt() {
        fixture.sandbox()
                .setFaults(
                        FaultSettings.none()
                                .withLatency(new FaultSettings.Latency("fixed", 1_000, 1_000)));

        try (RealEstateApiClient narrow =
                RealEstateApiClient.builder()
                        .apiKey(SandboxFixture.API_KEY)
                        .baseUrl(fixture.sandbox().baseUrl())
                        .maxConcurrentCalls(1)
                        .build()) {
            CompletableFuture<Property> first = narrow.getPropertyAsync(SandboxFixture.id(1));
            CompletableFuture<Property> second = narrow.getPropertyAsync(SandboxFixture.id(2));

            assertThatThrownBy(second::join)
                    .cause()
                    .isInstanceOf(ClientLimitException.class)
                    .hasMessageContaining("more than 1 concurrent calls");
            assertThat(first.join().id()).isEqualTo(SandboxFixture.id(1));
        }
        assertThat(fixture.sandbox().stats().requests("getProperty")).isEqualTo(1);
    }

    @Test
    void clientVersion_fromTheBuild_isFilledIn() {
        assertThat(ClientVersion.get()).matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
