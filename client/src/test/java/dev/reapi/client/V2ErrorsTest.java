package dev.reapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.client.model.Valuation;
import dev.reapi.client.testing.ManualDelayer;
import dev.reapi.client.testing.MutableClock;
import dev.reapi.client.testing.V2Json;
import dev.reapi.client.testing.V2Stub;
import dev.reapi.client.testing.V2Stub.Reply;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** v2 error envelopes, with their own status or inside a 200, become the v1 typed exceptions. */
class V2ErrorsTest {

    private static final String AVM = "/v2/PropertyAvm";

    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-16T10:00:00Z"));
    private final ManualDelayer delayer = ManualDelayer.immediate(clock);
    private V2Stub stub;
    private RealEstateApiClient client;

    @BeforeEach
    void start() {
        stub = V2Stub.start();
        client =
                RealEstateApiClient.builder()
                        .provider(Provider.V2)
                        .apiKey(V2Stub.API_KEY)
                        .baseUrl(stub.baseUrl())
                        .clock(clock)
                        .delayer(delayer)
                        .build();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    @Test
    void badRequest_errorNamingAMember_carriesTheField() {
        stub.on(AVM, Reply.error(400, "Bad Request", "id: must be a positive number"));

        assertThatThrownBy(() -> client.getValuation("P000000042"))
                .isInstanceOfSatisfying(
                        BadRequestException.class,
                        e ->
                                assertThat(e.errors())
                                        .containsExactly(
                                                new BadRequestException.FieldError(
                                                        "id", "must be a positive number")))
                .hasMessageContaining("PropertyAvm")
                .hasMessageContaining("status 400");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void unauthorized_invalidKey_isNotRetriedAndHidesTheKey() {
        stub.on(AVM, Reply.error(401, "Unauthorized", "Invalid API key"));

        assertThatThrownBy(() -> client.getValuation("P000000042"))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("Invalid API key")
                .hasMessageNotContaining(V2Stub.API_KEY);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void forbidden_missingScope_namesTheScope() {
        stub.on(AVM, Reply.error(403, "Forbidden", "This API key lacks the PropertyAvm scope"));

        assertThatThrownBy(() -> client.getValuation("P000000042"))
                .isInstanceOfSatisfying(
                        MissingScopeException.class,
                        e -> assertThat(e.scope()).isEqualTo("PropertyAvm"))
                .hasMessageContaining("missing scope PropertyAvm")
                .hasMessageContaining("status 403");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void perSecondLimit_429_isRetriedAfterRetryAfter() {
        stub.on(
                AVM,
                Reply.error(
                                429,
                                "Too Many Requests",
                                "Rate limit exceeded: more than 5 requests per second")
                        .withHeader("Retry-After", "1"),
                Reply.ok(V2Json.avm(42, 412_000), "\"resultCount\":1"));

        Valuation valuation = client.getValuation("P000000042");

        assertThat(valuation.estimatedValue()).isEqualTo(412_000);
        assertThat(stub.requests()).hasSize(2);
        assertThat(delayer.delays()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void dailyQuota_429_isNeverRetriedAndSaysWhenItResets() {
        stub.on(
                AVM,
                Reply.error(
                                429,
                                "Too Many Requests",
                                "Daily record quota exhausted: This request needs 3 records;"
                                        + " 1 of the daily 1000 are left. It resets at"
                                        + " 2024-01-17T00:00:00Z.")
                        .withHeader("Retry-After", "50400"));

        assertThatThrownBy(() -> client.getValuation("P000000042"))
                .isInstanceOfSatisfying(
                        QuotaExhaustedException.class,
                        e ->
                                assertThat(e.resetsAt())
                                        .isEqualTo(Instant.parse("2024-01-17T00:00:00Z")));
        assertThat(stub.requests()).hasSize(1);
        assertThat(delayer.delays()).isEmpty();
    }

    @Test
    void serverError_503_isRetriedThenSucceeds() {
        stub.on(
                AVM,
                Reply.error(503, "Service Unavailable", "injected"),
                Reply.ok(V2Json.avm(42, 412_000), "\"resultCount\":1"));

        assertThat(client.getValuation("P000000042").propertyId()).isEqualTo("P000000042");
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void errorEnvelopeInsideA200_isMappedByItsStatusCode() {
        stub.on(
                AVM,
                Reply.json(
                        200,
                        "{\"statusCode\":403,\"statusMessage\":\"Forbidden\","
                                + "\"error\":\"This API key lacks the PropertyAvm scope\"}"));

        assertThatThrownBy(() -> client.getValuation("P000000042"))
                .isInstanceOf(MissingScopeException.class);
    }

    @Test
    void avmNoMatchInsideA200_throwsNotFoundWithoutRetrying() {
        stub.on(
                AVM,
                Reply.ok(
                        "{\"error\":true,\"errorMessage\":\"No results found\"}",
                        "\"resultCount\":0"));

        assertThatThrownBy(() -> client.getValuationByAddress("1 Nowhere Rd, Austin TX 78701"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("No results found");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void avmUnparseableAddressInsideA200_throwsBadRequest() {
        stub.on(
                AVM,
                Reply.ok(
                        "{\"error\":true,\"errorMessage\":\"Invalid address format. Missing"
                                + " street.\"}",
                        "\"resultCount\":0"));

        assertThatThrownBy(() -> client.getValuationByAddress("78701 only"))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Missing street");
    }

    @Test
    void undecodableEnvelope_isAnUnexpectedResponse() {
        stub.on(AVM, Reply.ok("{\"id\": 42}", ""));

        assertThatThrownBy(() -> client.getValuation("P000000042"))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("avm");
    }
}
