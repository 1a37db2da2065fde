package dev.reapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.client.testing.ManualDelayer;
import dev.reapi.client.testing.SandboxFixture;
import dev.reapi.sandbox.FaultSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResilienceSandboxTest {

    private static SandboxFixture fixture;
    private ManualDelayer delayer;

    @BeforeAll
    static void start() {
        fixture = SandboxFixture.shared();
    }

    @BeforeEach
    void reset() {
        fixture.reset();
        delayer = ManualDelayer.immediate(fixture.clock());
    }

    private RealEstateApiClientBuilder builder() {
        return fixture.clientBuilder().random(new Random(7)).delayer(delayer);
    }

    private void faults(FaultSettings settings) {
        fixture.sandbox().setFaults(settings);
    }

    private long requests(String operation) {
        return fixture.sandbox().stats().requests(operation);
    }

    @Test
    void getProperty_twoInjected503s_succeedsOnTheThirdAttempt() {
        faults(FaultSettings.none().withFailNext(2, 503));

        try (RealEstateApiClient client = builder().build()) {
            assertThat(client.getProperty(SandboxFixture.id(1)).id())
                    .isEqualTo(SandboxFixture.id(1));
        }

        assertThat(requests("getProperty")).isEqualTo(3);
        assertThat(delayer.delays()).hasSize(2);
        assertThat(delayer.delays().get(0)).isLessThanOrEqualTo(Duration.ofMillis(100));
        assertThat(delayer.delays().get(1)).isLessThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void getProperty_threeInjected503s_failsAfterMaxAttemptsWithUpstreamUnavailable() {
        faults(FaultSettings.none().withFailNext(3, 503));

        try (RealEstateApiClient client = builder().build()) {
            assertThatThrownBy(() -> client.getProperty(SandboxFixture.id(1)))
                    .isInstanceOf(UpstreamUnavailableException.class)
                    .hasMessageContaining("status 503");
        }

        assertThat(requests("getProperty")).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 404, 409})
    void getProperty_injected4xx_isNotRetried(int status) {
        faults(FaultSettings.none().withFailNext(1, status));

        try (RealEstateApiClient client = builder().build()) {
            assertThatThrownBy(() -> client.getProperty(SandboxFixture.id(1)))
                    .isInstanceOf(RealEstateApiException.class)
                    .satisfies(
                            e ->
                                    assertThat(((RealEstateApiException) e).status())
                                            .isEqualTo(status));
        }

        assertThat(requests("getProperty")).isEqualTo(1);
        assertThat(delayer.delays()).isEmpty();
    }

    @Test
    void getProperty_quota429_isNotRetriedAndCarriesTheReset() {
        faults(FaultSettings.none().withDailyQuotaRecords(1));

        try (RealEstateApiClient client = builder().build()) {
            client.getProperty(SandboxFixture.id(1));
            assertThatThrownBy(() -> client.getProperty(SandboxFixture.id(2)))
                    .isInstanceOf(QuotaExhaustedException.class)
                    .satisfies(
                            e ->
                                    assertThat(((QuotaExhaustedException) e).resetsAt())
                                            .isEqualTo(
                                                    SandboxFixture.START.plus(
                                                            Duration.ofHours(14))));
        }

        assertThat(requests("getProperty")).isEqualTo(2);
        assertThat(delayer.delays()).isEmpty();
    }

    @Test
    void getProperty_rate429_waitsRetryAfterThenSucceeds() {
        faults(FaultSettings.none().withRateLimitRps(1));

        try (RealEstateApiClient client = builder().build()) {
            client.getProperty(SandboxFixture.id(1));
            assertThat(client.getProperty(SandboxFixture.id(2)).id())
                    .isEqualTo(SandboxFixture.id(2));
        }

        assertThat(requests("getProperty")).isEqualTo(3);
        assertThat(fixture.sandbox().stats().rateLimitedTotal()).isEqualTo(1);
        assertThat(delayer.delays()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void getProperty_rate429WithRetryAfterAboveMax_failsWithRateLimited() {
        faults(FaultSettings.none().withRateLimitRps(1));

        try (RealEstateApiClient client = builder().maxRetryAfter(Duration.ofMillis(500)).build()) {
            client.getProperty(SandboxFixture.id(1));
            assertThatThrownBy(() -> client.getProperty(SandboxFixture.id(2)))
                    .isInstanceOf(RateLimitedException.class)
                    .satisfies(
                            e ->
                                    assertThat(((RateLimitedException) e).retryAfter())
                                            .isEqualTo(Duration.ofSeconds(1)));
        }

        assertThat(requests("getProperty")).isEqualTo(2);
    }

    @Test
    void circuitBreaker_failuresThenWaitThenHealthyProbes_opensFailsFastAndRecovers() {
        CircuitBreakerConfig breaker =
                CircuitBreakerConfig.custom()
                        .slidingWindow(4, 4, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(30))
                        .permittedNumberOfCallsInHalfOpenState(2)
                        .build();
        faults(FaultSettings.none().withFailNext(4, 503));

        try (RealEstateApiClient client =
                builder().maxAttempts(1).circuitBreaker(breaker).build()) {
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> client.getProperty(SandboxFixture.id(1)))
                        .isInstanceOf(UpstreamUnavailableException.class);
            }
            assertThat(client.circuitState()).isEqualTo(CircuitState.OPEN);

            assertThatThrownBy(() -> client.getProperty(SandboxFixture.id(1)))
                    .isInstanceOf(CircuitOpenException.class)
                    .hasMessageContaining("no response")
                    .satisfies(e -> assertThat(((CircuitOpenException) e).status()).isZero());
            assertThat(requests("getProperty")).isEqualTo(4);

            fixture.clock().advance(Duration.ofSeconds(31));
            client.getProperty(SandboxFixture.id(1));
            assertThat(client.circuitState()).isEqualTo(CircuitState.HALF_OPEN);
            client.getProperty(SandboxFixture.id(2));

            assertThat(client.circuitState()).isEqualTo(CircuitState.CLOSED);
        }
        assertThat(requests("getProperty")).isEqualTo(6);
    }

    @Test
    void circuitBreaker_manyNotFounds_staysClosed() {
        CircuitBreakerConfig breaker =
                CircuitBreakerConfig.custom()
                        .slidingWindow(4, 4, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .build();

        try (RealEstateApiClient client = builder().circuitBreaker(breaker).build()) {
            for (int i = 0; i < 6; i++) {
                assertThatThrownBy(() -> client.getProperty("P999999999"))
                        .isInstanceOf(NotFoundException.class);
            }
            assertThat(client.circuitState()).isEqualTo(CircuitState.CLOSED);
        }
    }

    @Test
    void retryBudget_duringAnOutage_capsRetriesAtItsShare() {
        faults(FaultSettings.none().withOutageSeconds(3_600));

        long withBudget =
                attemptsForTwentyCalls(builder().retryBudget(0.2, 0, Duration.ofSeconds(60)));
        long withoutBudget = attemptsForTwentyCalls(builder().withoutRetryBudget());

        assertThat(withBudget).isEqualTo(20 + 4);
        assertThat(withoutBudget).isEqualTo(60);
    }

    private long attemptsForTwentyCalls(RealEstateApiClientBuilder configured) {
        fixture.sandbox().resetStats();
        try (RealEstateApiClient client = configured.withoutCircuitBreaker().build()) {
            for (int i = 0; i < 20; i++) {
                assertThatThrownBy(() -> client.getProperty(SandboxFixture.id(1)))
                        .isInstanceOf(UpstreamUnavailableException.class);
            }
        }
        return requests("getProperty");
    }

    @Test
    void getProperty_timeoutsThenSuccess_retriesAfterTimeout() {
        faults(FaultSettings.none().withTimeouts(1.0, 2_000));

        try (RealEstateApiClient client =
                builder().requestTimeout(Duration.ofMillis(150)).maxAttempts(2).build()) {
            assertThatThrownBy(() -> client.getProperty(SandboxFixture.id(1)))
                    .isInstanceOf(UpstreamTimeoutException.class)
                    .hasMessageContaining("no response");
        }

        assertThat(delayer.delays()).hasSize(1);
    }

    @Test
    void getProperty_connectionResets_areRetriedThenReported() {
        faults(FaultSettings.none().withResetRate(1.0));

        try (RealEstateApiClient client = builder().build()) {
            assertThatThrownBy(() -> client.getProperty(SandboxFixture.id(1)))
                    .isInstanceOf(UpstreamUnavailableException.class)
                    .satisfies(
                            e -> assertThat(((UpstreamUnavailableException) e).status()).isZero());
        }

        assertThat(delayer.delays()).hasSize(2);
    }

    @Test
    void rateLimit_clientSide_spacesAttempts() {
        try (RealEstateApiClient client =
                builder().rateLimit(1_000, Duration.ofSeconds(1)).build()) {
            for (int i = 1; i <= 5; i++) {
                client.getProperty(SandboxFixture.id(i));
            }
        }

        assertThat(requests("getProperty")).isEqualTo(5);
    }
}
