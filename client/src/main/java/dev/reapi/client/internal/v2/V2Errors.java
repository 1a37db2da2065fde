package dev.reapi.client.internal.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.BadRequestException;
import dev.reapi.client.ChangeFileExpiredException;
import dev.reapi.client.MissingScopeException;
import dev.reapi.client.NotFoundException;
import dev.reapi.client.QuotaExhaustedException;
import dev.reapi.client.RateLimitedException;
import dev.reapi.client.RealEstateApiException;
import dev.reapi.client.UnauthorizedException;
import dev.reapi.client.UnexpectedResponseException;
import dev.reapi.client.UpstreamUnavailableException;
import dev.reapi.client.internal.ErrorMapper;
import dev.reapi.client.internal.ResponseErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps v2 error envelopes ({@code statusCode}, {@code statusMessage}, {@code error}) to the
 * client's typed exceptions, whether they come with their own HTTP status or inside a 200. The two
 * 429s are told apart by the text: a daily record quota says so and is never retried, anything else
 * is the per-second limit. Thread-safe.
 */
final class V2Errors implements ResponseErrors {

    private static final Pattern SCOPE = Pattern.compile("lacks the (\\w+) scope");
    private static final Pattern RESETS_AT =
            Pattern.compile("resets at ([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z)");
    private static final Pattern FIELD = Pattern.compile("^([\\w.\\[\\]]+): (.+)$");
    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

    private final ObjectMapper mapper;
    private final Clock clock;

    V2Errors(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public RealEstateApiException fromResponse(
            String operation,
            String requestId,
            int status,
            byte[] body,
            Optional<String> retryAfter) {
        JsonNode root = parse(body);
        return fromEnvelope(operation, requestId, status, root, retryAfter);
    }

    /** The exception for an error envelope already parsed. */
    RealEstateApiException fromEnvelope(
            String operation,
            String requestId,
            int status,
            JsonNode root,
            Optional<String> retryAfter) {
        String detail = detail(root, status);
        return switch (status) {
            case 400, 422 -> badRequest(operation, requestId, detail);
            case 401 -> new UnauthorizedException(operation, status, requestId, detail, null);
            case 403 -> forbidden(operation, requestId, detail);
            case 404 -> new NotFoundException(operation, status, requestId, detail, null);
            case 429 -> tooManyRequests(operation, requestId, detail, retryAfter);
            default ->
                    status >= 500
                            ? new UpstreamUnavailableException(
                                    operation, status, requestId, detail, null)
                            : new UnexpectedResponseException(
                                    operation, status, requestId, detail, null);
        };
    }

    /**
     * The exception for a lookup that failed inside a 200 answer ({@code data.error: true}): an
     * address the upstream could not parse is the request's fault, anything else is no match.
     */
    static RealEstateApiException inside200(
            String operation, String requestId, String errorMessage) {
        String detail = errorMessage.isBlank() ? "no match" : errorMessage;
        if (detail.startsWith("Invalid")) {
            return new BadRequestException(operation, requestId, detail, List.of(), null);
        }
        return new NotFoundException(operation, 200, requestId, detail, null);
    }

    /**
     * The error mapping of change-file downloads: the file host answers an expired or tampered link
     * with 403 (S3's XML body), a deleted file with 404 or 410.
     */
    static ResponseErrors downloads() {
        return (operation, requestId, status, body, retryAfter) -> {
            String text = new String(body, StandardCharsets.UTF_8);
            String detail = "download refused with HTTP " + status + xmlMessage(text);
            if (status == 403 || status == 410) {
                return new ChangeFileExpiredException(
                        operation,
                        status,
                        requestId,
                        detail + "; request fresh links with changeFiles",
                        null);
            }
            if (status == 404) {
                return new NotFoundException(operation, status, requestId, detail, null);
            }
            return status >= 500
                    ? new UpstreamUnavailableException(operation, status, requestId, detail, null)
                    : new UnexpectedResponseException(operation, status, requestId, detail, null);
        };
    }

    /** S3's error code and message, e.g. {@code : AccessDenied (Request has expired)}. */
    private static String xmlMessage(String xml) {
        Matcher code = XML_CODE.matcher(xml);
        Matcher message = XML_MESSAGE.matcher(xml);
        boolean hasCode = code.find();
        boolean hasMessage = message.find();
        if (hasCode && hasMessage) {
            return ": " + code.group(1) + " (" + message.group(1) + ")";
        }
        if (hasCode || hasMessage) {
            return ": " + (hasCode ? code.group(1) : message.group(1));
        }
        return "";
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException | RuntimeException e) {
            return mapper.createObjectNode();
        }
    }

    private static String detail(JsonNode root, int status) {
        JsonNode error = root.path("error");
        if (error.isTextual() && !error.asText().isBlank()) {
            return error.asText();
        }
        JsonNode message = root.path("statusMessage");
        if (message.isTextual() && !message.asText().isBlank()) {
            return message.asText();
        }
        return "HTTP " + status;
    }

    /** v2 names the bad member at the start of the text, e.g. {@code size: must be 1 to 250}. */
    private static BadRequestException badRequest(
            String operation, String requestId, String detail) {
        Matcher field = FIELD.matcher(detail);
        List<BadRequestException.FieldError> errors =
                field.matches()
                        ? List.of(
                                new BadRequestException.FieldError(field.group(1), field.group(2)))
                        : List.of();
        return new BadRequestException(operation, requestId, detail, errors, null);
    }

    private static RealEstateApiException forbidden(
            String operation, String requestId, String detail) {
        Matcher scope = SCOPE.matcher(detail);
        if (scope.find()) {
            return new MissingScopeException(operation, requestId, scope.group(1), detail, null);
        }
        return new UnauthorizedException(operation, 403, requestId, detail, null);
    }

    private RealEstateApiException tooManyRequests(
            String operation, String requestId, String detail, Optional<String> retryAfter) {
        Duration wait = ErrorMapper.retryAfter(retryAfter);
        if (!detail.startsWith("Daily record quota")) {
            return new RateLimitedException(operation, requestId, wait, detail, null);
        }
        Matcher resets = RESETS_AT.matcher(detail);
        Instant resetsAt = clock.instant().plus(wait);
        if (resets.find()) {
            try {
                resetsAt = Instant.parse(resets.group(1));
            } catch (DateTimeParseException e) {
                // Keep the estimate from Retry-After: the text is informative, not a contract.
            }
        }
        return new QuotaExhaustedException(operation, requestId, resetsAt, detail, null);
    }
}
