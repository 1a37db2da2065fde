package dev.reapi.client.internal;

import dev.reapi.client.BadRequestException;
import dev.reapi.client.ChangeFileExpiredException;
import dev.reapi.client.CircuitOpenException;
import dev.reapi.client.ClientLimitException;
import dev.reapi.client.MissingScopeException;
import dev.reapi.client.NotFoundException;
import dev.reapi.client.QuotaExhaustedException;
import dev.reapi.client.RateLimitedException;
import dev.reapi.client.RealEstateApiException;
import dev.reapi.client.UnauthorizedException;
import dev.reapi.client.UnexpectedResponseException;
import dev.reapi.client.UpstreamTimeoutException;
import dev.reapi.client.UpstreamUnavailableException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The client's log lines: one per logical call when it ends (DEBUG on success, INFO when the
 * request was at fault, WARN when the upstream was), plus DEBUG lines for retries. Lines carry the
 * operation, status, duration, attempts and request id; never the API key or a body.
 */
final class CallLog {

    /** The logger every call line goes to. */
    static final Logger LOG = LoggerFactory.getLogger("dev.reapi.client.RealEstateApiClient");

    void finished(
            Call call,
            int status,
            long nanos,
            int attempts,
            @Nullable RealEstateApiException error) {
        Level level = error == null ? Level.DEBUG : level(error);
        if (!LOG.isEnabledForLevel(level)) {
            return;
        }
        LOG.atLevel(level)
                .log(
                        "upstream call operation={} status={} duration_ms={} attempt={}"
                                + " request_id={} outcome={}{}",
                        call.operation(),
                        status,
                        TimeUnit.NANOSECONDS.toMillis(nanos),
                        attempts,
                        call.requestId(),
                        error == null ? "success" : outcome(error),
                        error == null ? "" : " error=\"" + error.getMessage() + "\"");
    }

    void retry(Call call, int attempt, Duration delay, RealEstateApiException error) {
        LOG.debug(
                "upstream retry operation={} status={} attempt={} delay_ms={} request_id={}"
                        + " reason={}",
                call.operation(),
                error.status(),
                attempt,
                delay.toMillis(),
                call.requestId(),
                outcome(error));
    }

    void giveUp(Call call, int attempt, String why, RealEstateApiException error) {
        LOG.debug(
                "upstream no retry operation={} status={} attempt={} request_id={} because {}",
                call.operation(),
                error.status(),
                attempt,
                call.requestId(),
                why);
    }

    /** A short, stable name for what went wrong, used in logs and metric tags. */
    static String outcome(RealEstateApiException error) {
        return switch (error) {
            case BadRequestException e -> "bad_request";
            case UnauthorizedException e -> "unauthorized";
            case MissingScopeException e -> "missing_scope";
            case NotFoundException e -> "not_found";
            case RateLimitedException e -> "rate_limited";
            case QuotaExhaustedException e -> "quota_exhausted";
            case UpstreamUnavailableException e -> "upstream_unavailable";
            case UpstreamTimeoutException e -> "timeout";
            case CircuitOpenException e -> "circuit_open";
            case ClientLimitException e -> "client_limit";
            case ChangeFileExpiredException e -> "link_expired";
            case UnexpectedResponseException e -> "unexpected_response";
        };
    }

    private static Level level(RealEstateApiException error) {
        return error.isTransient() || error instanceof UnexpectedResponseException
                ? Level.WARN
                : Level.INFO;
    }
}
