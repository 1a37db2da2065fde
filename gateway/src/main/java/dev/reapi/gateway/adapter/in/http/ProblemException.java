package dev.reapi.gateway.adapter.in.http;

import dev.reapi.gateway.domain.GatewayException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Thrown by the HTTP layer to answer with a problem; the exception handler turns it into {@link
 * Problem}. Never carries upstream secrets or stack traces to the caller.
 */
final class ProblemException extends GatewayException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final String detail;
    private final transient List<Problem.FieldError> errors;
    private final transient Map<String, String> headers;

    ProblemException(
            ProblemType type,
            String detail,
            List<Problem.FieldError> errors,
            Map<String, String> headers) {
        super(type.status() + " " + type.title() + ": " + detail);
        this.detail = detail;
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type, detail, List.of(), Map.of());
    }

    static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail =
                errors.size() == 1
                        ? "1 invalid field: " + errors.getFirst().field()
                        : errors.size() + " invalid fields";
        return new ProblemException(ProblemType.VALIDATION, detail, errors, Map.of());
    }

    static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    static ProblemException retryLater(ProblemType type, String detail, Duration retryAfter) {
        return new ProblemException(
                type, detail, List.of(), Map.of("Retry-After", retryAfterSeconds(retryAfter)));
    }

    /** Whole seconds, rounded up, at least 1: a Retry-After of 0 invites a hot retry loop. */
    static String retryAfterSeconds(Duration wait) {
        long millis = Math.max(wait.toMillis(), 1);
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }

    ProblemType type() {
        return type;
    }

    String detail() {
        return detail;
    }

    List<Problem.FieldError> errors() {
        return errors;
    }

    Map<String, String> headers() {
        return headers;
    }
}
