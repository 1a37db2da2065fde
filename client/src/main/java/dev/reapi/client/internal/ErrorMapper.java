package dev.reapi.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.BadRequestException;
import dev.reapi.client.NotFoundException;
import dev.reapi.client.QuotaExhaustedException;
import dev.reapi.client.RateLimitedException;
import dev.reapi.client.RealEstateApiException;
import dev.reapi.client.UnauthorizedException;
import dev.reapi.client.UnexpectedResponseException;
import dev.reapi.client.UpstreamTimeoutException;
import dev.reapi.client.UpstreamUnavailableException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/** Turns an error response or a transport failure into the client's typed exceptions. */
public final class ErrorMapper implements ResponseErrors {

    /** The wait assumed when a 429 carries no usable {@code Retry-After}. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final ObjectMapper mapper;
    private final Clock clock;

    /** Creates a mapper that parses problem bodies with {@code mapper}. */
    public ErrorMapper(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * The exception for a non-2xx response.
     *
     * @param retryAfter the raw {@code Retry-After} header, if any
     */
    @Override
    public RealEstateApiException fromResponse(
            String operation,
            String requestId,
            int status,
            byte[] body,
            Optional<String> retryAfter) {
        Problem problem = parse(body);
        String detail = problem.describe("HTTP " + status);
        return switch (status) {
            case 400, 422 ->
                    new BadRequestException(operation, requestId, detail, fields(problem), null);
            case 401, 403 -> new UnauthorizedException(operation, status, requestId, detail, null);
            case 404 -> new NotFoundException(operation, status, requestId, detail, null);
            case 429 -> tooManyRequests(operation, requestId, problem, detail, retryAfter);
            default ->
                    status >= 500
                            ? new UpstreamUnavailableException(
                                    operation, status, requestId, detail, null)
                            : new UnexpectedResponseException(
                                    operation, status, requestId, detail, null);
        };
    }

    /** The exception for a failure before any response arrived. */
    public RealEstateApiException fromThrowable(
            String operation, String requestId, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RealEstateApiException typed) {
            return typed;
        }
        if (cause instanceof HttpTimeoutException) {
            return new UpstreamTimeoutException(
                    operation, 0, requestId, "no response in time: " + cause.getMessage(), cause);
        }
        if (cause instanceof IOException) {
            return new UpstreamUnavailableException(
                    operation, 0, requestId, "connection failed: " + cause, cause);
        }
        return new UnexpectedResponseException(
                operation, 0, requestId, "request failed: " + cause, cause);
    }

    /** Strips the {@link CompletionException} wrappers futures add. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Parses {@code Retry-After} as delay-seconds; HTTP dates fall back to one second. */
    public static Duration retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            long seconds = Long.parseLong(header.get().trim());
            return seconds < 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    private RealEstateApiException tooManyRequests(
            String operation,
            String requestId,
            Problem problem,
            String detail,
            Optional<String> retryAfterHeader) {
        Duration retryAfter = retryAfter(retryAfterHeader);
        if ("quota".equals(problem.limit())) {
            return new QuotaExhaustedException(
                    operation, requestId, resetsAt(problem, retryAfter), detail, null);
        }
        return new RateLimitedException(operation, requestId, retryAfter, detail, null);
    }

    private Instant resetsAt(Problem problem, Duration retryAfter) {
        String raw = problem.quotaResetsAt();
        if (raw != null) {
            try {
                return Instant.parse(raw);
            } catch (DateTimeParseException e) {
                // Fall through: the quota resets at the next UTC midnight by contract.
            }
        }
        Instant now = clock.instant();
        Instant midnight =
                LocalDate.ofInstant(now, ZoneOffset.UTC)
                        .plusDays(1)
                        .atStartOfDay()
                        .toInstant(ZoneOffset.UTC);
        return retryAfter.isZero() ? midnight : now.plus(retryAfter);
    }

    private Problem parse(byte[] body) {
        if (body.length == 0) {
            return Problem.EMPTY;
        }
        try {
            return mapper.readValue(body, Problem.class);
        } catch (IOException | RuntimeException e) {
            return Problem.EMPTY;
        }
    }

    private static List<BadRequestException.FieldError> fields(Problem problem) {
        List<Problem.FieldProblem> errors = problem.errors();
        if (errors == null) {
            return List.of();
        }
        return errors.stream()
                .map(
                        e ->
                                new BadRequestException.FieldError(
                                        orEmpty(e.field()), orEmpty(e.message())))
                .toList();
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
