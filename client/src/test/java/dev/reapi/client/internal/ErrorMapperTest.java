package dev.reapi.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.client.BadRequestException;
import dev.reapi.client.NotFoundException;
import dev.reapi.client.QuotaExhaustedException;
import dev.reapi.client.RateLimitedException;
import dev.reapi.client.RealEstateApiException;
import dev.reapi.client.UnauthorizedException;
import dev.reapi.client.UpstreamTimeoutException;
import dev.reapi.client.UpstreamUnavailableException;
import dev.reapi.client.model.ModelJson;
import dev.reapi.client.testing.MutableClock;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final ErrorMapper mapper = new ErrorMapper(ModelJson.newMapper(), clock);

    @Test
    void fromResponse_400WithErrors_carriesEachField() {
        String body =
                """
                {"type":"about:blank","title":"Bad Request","status":400,
                 "detail":"2 fields are invalid","request_id":"r-1",
                 "errors":[{"field":"filters.price_min","message":"must be >= 0"},
                           {"field":"location","message":"required"}]}
                """;

        RealEstateApiException error = map(400, body, null);

        assertThat(error).isInstanceOf(BadRequestException.class);
        BadRequestException bad = (BadRequestException) error;
        assertThat(bad.errors())
                .containsExactly(
                        new BadRequestException.FieldError("filters.price_min", "must be >= 0"),
                        new BadRequestException.FieldError("location", "required"));
        assertThat(bad.getMessage())
                .contains("searchProperties", "status 400", "request id req-9")
                .contains("filters.price_min: must be >= 0");
    }

    @Test
    void fromResponse_400WhoseDetailNamesTheField_doesNotRepeatIt() {
        RealEstateApiException error =
                map(
                        400,
                        "{\"detail\":\"since: unknown query parameter\","
                                + "\"errors\":[{\"field\":\"since\","
                                + "\"message\":\"unknown query parameter\"}]}",
                        null);

        assertThat(error.getMessage()).endsWith("): since: unknown query parameter");
    }

    @Test
    void fromResponse_429Rate_isRateLimitedWithRetryAfter() {
        RealEstateApiException error =
                map(
                        429,
                        "{\"title\":\"Too Many Requests\",\"status\":429,\"limit\":\"rate\"}",
                        "2");

        assertThat(error).isInstanceOf(RateLimitedException.class);
        assertThat(((RateLimitedException) error).retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void fromResponse_429Quota_isQuotaExhaustedWithReset() {
        RealEstateApiException error =
                map(
                        429,
                        "{\"status\":429,\"limit\":\"quota\","
                                + "\"quota_resets_at\":\"2026-12-02T00:00:00Z\"}",
                        "50400");

        assertThat(error).isInstanceOf(QuotaExhaustedException.class);
        assertThat(((QuotaExhaustedException) error).resetsAt())
                .isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(error.isTransient()).isFalse();
    }

    @Test
    void fromResponse_otherStatuses_mapToTheirTypes() {
        assertThat(map(401, "", null)).isInstanceOf(UnauthorizedException.class);
        assertThat(map(404, "{\"detail\":\"no such property\"}", null))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no such property");
        assertThat(map(503, "<html>bad gateway</html>", null))
                .isInstanceOf(UpstreamUnavailableException.class)
                .hasMessageContaining("status 503");
    }

    @Test
    void fromThrowable_transportFailures_mapToTransientTypes() {
        RealEstateApiException timeout =
                mapper.fromThrowable(
                        "getProperty",
                        "r",
                        new CompletionException(new HttpTimeoutException("request timed out")));
        RealEstateApiException reset =
                mapper.fromThrowable("getProperty", "r", new ConnectException("refused"));

        assertThat(timeout).isInstanceOf(UpstreamTimeoutException.class);
        assertThat(reset).isInstanceOf(UpstreamUnavailableException.class);
        assertThat(reset.status()).isZero();
        assertThat(reset.getMessage()).contains("no response");
    }

    @Test
    void retryAfter_missingOrDate_fallsBackToOneSecond() {
        assertThat(ErrorMapper.retryAfter(Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(ErrorMapper.retryAfter(Optional.of("Wed, 21 Oct 2026 07:28:00 GMT")))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(ErrorMapper.retryAfter(Optional.of(" 3 "))).isEqualTo(Duration.ofSeconds(3));
    }

    private RealEstateApiException map(int status, String body, String retryAfter) {
        return mapper.fromResponse(
                "searchProperties",
                "req-9",
                status,
                body.getBytes(StandardCharsets.UTF_8),
                Optional.ofNullable(retryAfter));
    }
}
