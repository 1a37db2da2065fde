package dev.reapi.sandbox.http;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An answer that is an RFC 9457 problem document, thrown by routes and rendered by one handler. */
final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String type;
    final String title;
    final transient List<FieldError> errors;
    final transient Map<String, String> extensions;
    final @Nullable Long retryAfterSeconds;

    ApiProblem(
            int status,
            String type,
            String title,
            String detail,
            List<FieldError> errors,
            Map<String, String> extensions,
            @Nullable Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiProblem badRequest(String field, String message) {
        return badRequest(List.of(new FieldError(field, message)));
    }

    static ApiProblem badRequest(List<FieldError> errors) {
        String detail =
                errors.size() == 1
                        ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid";
        return new ApiProblem(
                400, type("invalid-request"), "Invalid request", detail, errors, Map.of(), null);
    }

    static ApiProblem of(int status, String slug, String title, String detail) {
        return new ApiProblem(status, type(slug), title, detail, List.of(), Map.of(), null);
    }

    static ApiProblem unavailable(int status, String detail, long retryAfterSeconds) {
        return new ApiProblem(
                status,
                type(status == 503 ? "unavailable" : "server-error"),
                title(status),
                detail,
                List.of(),
                Map.of(),
                retryAfterSeconds);
    }

    static String type(String slug) {
        return "https://reapi.dev/problems/" + slug;
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 408 -> "Request timeout";
            case 409 -> "Conflict";
            case 413 -> "Content too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable content";
            case 429 -> "Too many requests";
            case 500 -> "Internal server error";
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            case 504 -> "Gateway timeout";
            default -> status < 500 ? "Client error" : "Server error";
        };
    }

    String detail() {
        String message = getMessage();
        return message == null ? title : message;
    }

    /**
     * One bad field of a request.
     *
     * @param field the JSON path or parameter name, e.g. {@code filters.price_min}
     * @param message what is wrong with it
     */
    record FieldError(String field, String message) {}
}
