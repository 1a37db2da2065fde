package dev.reapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.client.model.KeyInfo;
import dev.reapi.client.testing.ManualDelayer;
import dev.reapi.client.testing.SandboxFixture;
import dev.reapi.sandbox.FaultSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Error mapping and retries against the in-process sandbox, once per provider: the same sandbox
 * fault must reach the caller as the same typed exception after the same number of attempts.
 */
class ProviderErrorsSandboxTest {

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

    private RealEstateApiClientBuilder builder(Provider provider) {
        return fixture.clientBuilder().provider(provider).random(new Random(7)).delayer(delayer);
    }

    private static long detailRequests(Provider provider) {
        return fixture.sandbox()
                .stats()
                .requests(ProvidersSandboxTest.op(provider, "getProperty", "PropertyDetail"));
    }

    private static void faults(FaultSettings settings) {
        fixture.sandbox().setFaults(settings);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void anyOperation_wrongKey_throwsUnauthorizedWithoutRetrying(Provider provider) {
        try (RealEstateApiClient wrong = builder(provider).apiKey("not-the-key").build()) {
            assertThatThrownBy(() -> wrong.getProperty(SandboxFixture.id(1)))
                    .isInstanceOf(UnauthorizedException.class)
                    .hasMessageNotContaining("not-the-key")
                    .satisfies(
                            e -> assertThat(((UnauthorizedException) e).status()).isEqualTo(401));
        }

        assertThat(fixture.sandbox().stats().requestsTotal()).isEqualTo(1);
        assertThat(delayer.delays()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void getProperty_quota429_isNeverRetriedAndCarriesTheNextMidnight(Provider provider) {
        faults(FaultSettings.none().withDailyQuotaRecords(1));
        Instant midnight =
                LocalDate.ofInstant(fixture.clock().instant(), ZoneOffset.UTC)
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();

        try (RealEstateApiClient client = builder(provider).build()) {
            client.getProperty(SandboxFixture.id(1));
            assertThatThrownBy(() -> client.getProperty(SandboxFixture.id(2)))
                    .isInstanceOf(QuotaExhaustedException.class)
                    .satisfies(
                            e ->
                                    assertThat(((QuotaExhaustedException) e).resetsAt())
                                            .isEqualTo(midnight));
        }

        assertThat(detailRequests(provider)).isEqualTo(2);
        assertThat(delayer.delays()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void getProperty_rate429_waitsRetryAfterThenSucceeds(Provider provider) {
        faults(FaultSettings.none().withRateLimitRps(1));

        try (RealEstateApiClient client = builder(provider).build()) {
            client.getProperty(SandboxFixture.id(1));
            assertThat(client.getProperty(SandboxFixture.id(2)).id())
                    .isEqualTo(SandboxFixture.id(2));
        }

        assertThat(detailRequests(provider)).isEqualTo(3);
        assertThat(fixture.sandbox().stats().rateLimitedTotal()).isEqualTo(1);
        assertThat(delayer.delays()).containsExactly(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void getProperty_rate429AboveMaxRetryAfter_throwsRateLimited(Provider provider) {
        faults(FaultSettings.none().withRateLimitRps(1));

        try (RealEstateApiClient client =
                builder(provider).maxRetryAfter(Duration.ofMillis(500)).build()) {
            client.getProperty(SandboxFixture.id(1));
            assertThatThrownBy(() -> client.getProperty(SandboxFixture.id(2)))
                    .isInstanceOf(RateLimitedException.class)
                    .satisfies(
                            e ->
                                    assertThat(((RateLimitedException) e).retryAfter())
                                            .isEqualTo(Duration.ofSeconds(1)));
        }

        assertThat(detailRequests(provider)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void getProperty_twoInjected503s_succeedsOnTheThirdAttempt(Provider provider) {
        faults(FaultSettings.none().withFailNext(2, 503));

        try (RealEstateApiClient client = builder(provider).build()) {
            assertThat(client.getProperty(SandboxFixture.id(1)).id())
                    .isEqualTo(SandboxFixture.id(1));
        }

        assertThat(detailRequests(provider)).isEqualTo(3);
        assertThat(delayer.delays()).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource({"V1,429", "V1,500", "V1,502", "V1,504", "V2,429", "V2,500", "V2,502", "V2,504"})
    void getProperty_oneInjectedTransientFailure_isRetriedOnce(Provider provider, int status) {
        faults(FaultSettings.none().withFailNext(1, status));

        try (RealEstateApiClient client = builder(provider).build()) {
            assertThat(client.getProperty(SandboxFixture.id(1)).id())
                    .isEqualTo(SandboxFixture.id(1));
        }

        assertThat(detailRequests(provider)).isEqualTo(2);
        assertThat(delayer.delays()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void getProperty_injected404_isNotFoundAndNotRetried(Provider provider) {
        faults(FaultSettings.none().withFailNext(1, 404));

        try (RealEstateApiClient client = builder(provider).build()) {
            assertThatThrownBy(() -> client.getProperty(SandboxFixture.id(1)))
                    .isInstanceOf(NotFoundException.class)
                    .satisfies(e -> assertThat(((NotFoundException) e).status()).isEqualTo(404));
        }

        assertThat(detailRequests(provider)).isEqualTo(1);
        assertThat(delayer.delays()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void getProperty_outage_throwsUpstreamUnavailableAfterMaxAttempts(Provider provider) {
        faults(FaultSettings.none().withOutageSeconds(3_600));

        try (RealEstateApiClient client = builder(provider).withoutCircuitBreaker().build()) {
            assertThatThrownBy(() -> client.getProperty(SandboxFixture.id(1)))
                    .isInstanceOf(UpstreamUnavailableException.class)
                    .satisfies(
                            e ->
                                    assertThat(((UpstreamUnavailableException) e).status())
                                            .isGreaterThanOrEqualTo(500));
        }

        assertThat(detailRequests(provider)).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void getProperty_connectionResets_areRetriedThenReportedWithStatusZero(Provider provider) {
        faults(FaultSettings.none().withResetRate(1.0));

        try (RealEstateApiClient client = builder(provider).build()) {
            assertThatThrownBy(() -> client.getProperty(SandboxFixture.id(1)))
                    .isInstanceOf(UpstreamUnavailableException.class)
                    .satisfies(
                            e -> assertThat(((UpstreamUnavailableException) e).status()).isZero());
        }

        assertThat(delayer.delays()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void getProperty_timeouts_throwUpstreamTimeout(Provider provider) {
        faults(FaultSettings.none().withTimeouts(1.0, 2_000));

        try (RealEstateApiClient client =
                builder(provider).requestTimeout(Duration.ofMillis(150)).maxAttempts(2).build()) {
            assertThatThrownBy(() -> client.getProperty(SandboxFixture.id(1)))
                    .isInstanceOf(UpstreamTimeoutException.class);
        }

        assertThat(delayer.delays()).hasSize(1);
    }

    @Test
    void v2Valuation_keyWithoutPropertyAvm_throwsMissingScopeOnceAndKeyInfoReportsIt() {
        Set<String> scopes = new HashSet<>(KeyInfo.CLIENT_SCOPES);
        scopes.remove("PropertyAvm");
        fixture.sandbox().setV2Scopes(SandboxFixture.API_KEY, scopes, false);

        try (RealEstateApiClient client = builder(Provider.V2).build()) {
            assertThatThrownBy(() -> client.getValuation(SandboxFixture.id(1)))
                    .isInstanceOf(MissingScopeException.class)
                    .satisfies(
                            e ->
                                    assertThat(((MissingScopeException) e).scope())
                                            .isEqualTo("PropertyAvm"));
            assertThat(client.keyInfo().scopeReport(KeyInfo.CLIENT_SCOPES))
                    .contains("lacks 1 of 7")
                    .contains("PropertyAvm");
            assertThat(client.getProperty(SandboxFixture.id(1)).id())
                    .isEqualTo(SandboxFixture.id(1));
        } finally {
            fixture.sandbox()
                    .setV2Scopes(SandboxFixture.API_KEY, Set.copyOf(KeyInfo.CLIENT_SCOPES), false);
        }

        assertThat(fixture.sandbox().stats().requests("v2.PropertyAvm")).isEqualTo(1);
        assertThat(delayer.delays()).isEmpty();
    }
}
