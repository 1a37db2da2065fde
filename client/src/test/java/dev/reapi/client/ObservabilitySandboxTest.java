package dev.reapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.client.testing.LogCapture;
import dev.reapi.client.testing.ManualDelayer;
import dev.reapi.client.testing.SandboxFixture;
import dev.reapi.sandbox.FaultSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ObservabilitySandboxTest {

    private static SandboxFixture fixture;

    @BeforeAll
    static void start() {
        fixture = SandboxFixture.shared();
    }

    @BeforeEach
    void reset() {
        fixture.reset();
    }

    private RealEstateApiClientBuilder builder() {
        return fixture.clientBuilder().delayer(ManualDelayer.immediate(fixture.clock()));
    }

    @Test
    void everyCall_successRetryAndFailure_logsOneLineWithoutTheKey() {
        fixture.sandbox().setFaults(FaultSettings.none().withFailNext(1, 503));

        try (LogCapture logs = new LogCapture();
                RealEstateApiClient client = builder().build()) {
            client.withRequestId("req-ok").getProperty(SandboxFixture.id(1));
            assertThatThrownBy(() -> client.withRequestId("req-404").getProperty("P999999999"))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageNotContaining(SandboxFixture.API_KEY);
            client.health();

            List<String> lines = logs.lines();
            assertThat(lines).noneMatch(line -> line.contains(SandboxFixture.API_KEY));
            List<String> callLines =
                    lines.stream().filter(l -> l.startsWith("upstream call")).toList();
            assertThat(callLines).hasSize(3);
            assertThat(callLines.get(0))
                    .contains(
                            "operation=getProperty", "status=200", "attempt=2", "request_id=req-ok")
                    .containsPattern("duration_ms=\\d+");
            assertThat(callLines.get(1)).contains("status=404", "attempt=1", "request_id=req-404");
            assertThat(lines).anyMatch(l -> l.startsWith("upstream retry") && l.contains("req-ok"));
        }
    }

    @Test
    void settings_toString_masksTheKey() {
        try (RealEstateApiClient client = builder().build()) {
            assertThat(client.toString()).doesNotContain(SandboxFixture.API_KEY);
        }
    }

    @Test
    void meterRegistry_calls_recordsTimersRetriesAndBreakerMeters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        fixture.sandbox().setFaults(FaultSettings.none().withFailNext(1, 500));

        try (RealEstateApiClient client = builder().meterRegistry(registry).build()) {
            client.getProperty(SandboxFixture.id(1));
        }

        assertThat(
                        registry.get("reapi.client.calls")
                                .tags("operation", "getProperty", "outcome", "success")
                                .timer()
                                .count())
                .isEqualTo(1);
        assertThat(
                        registry.get("reapi.client.retries")
                                .tag("reason", "upstream_unavailable")
                                .counter()
                                .count())
                .isEqualTo(1.0);
        assertThat(registry.find("resilience4j.circuitbreaker.state").gauges()).isNotEmpty();
    }

    @Test
    void fromEnvironment_keyMissingOrBlank_namesTheVariable() {
        for (Map<String, String> env :
                List.of(Map.<String, String>of(), Map.of("REALESTATEAPI_KEY", "  "))) {
            assertThatThrownBy(() -> RealEstateApiClient.builder().fromEnvironment(env))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("REALESTATEAPI_KEY");
        }
    }

    @Test
    void fromEnvironment_keyAndBaseUrl_configureTheClient() {
        Map<String, String> env =
                Map.of(
                        "REALESTATEAPI_KEY",
                        SandboxFixture.API_KEY,
                        "REALESTATEAPI_BASE_URL",
                        fixture.sandbox().baseUrl());

        try (RealEstateApiClient client =
                RealEstateApiClient.builder().fromEnvironment(env).build()) {
            assertThat(client.baseUrl().toString()).isEqualTo(fixture.sandbox().baseUrl());
            assertThat(client.getProperty(SandboxFixture.id(1)).id())
                    .isEqualTo(SandboxFixture.id(1));
        }
    }

    @Test
    void fromEnvironment_noBaseUrl_usesTheVendorDefault() {
        try (RealEstateApiClient client =
                RealEstateApiClient.builder()
                        .fromEnvironment(Map.of("REALESTATEAPI_KEY", "k"))
                        .build()) {
            assertThat(client.baseUrl()).isEqualTo(RealEstateApiClient.DEFAULT_BASE_URL);
        }
    }

    @Test
    void withRequestId_headerUnsafeValue_isRejected() {
        try (RealEstateApiClient client = builder().build()) {
            assertThatThrownBy(() -> client.withRequestId("a\r\nX-Evil: 1"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
