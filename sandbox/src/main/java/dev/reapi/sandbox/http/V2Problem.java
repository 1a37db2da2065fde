package dev.reapi.sandbox.http;

import org.jspecify.annotations.Nullable;

/**
 * A {@code /v2} answer other than success, thrown by v2 routes and rendered by {@link V2Envelope}
 * in the vendor's error envelope.
 */
final class V2Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final @Nullable Long retryAfterSeconds;

    /** Whether to render the vendor's 404 shape ({@code data: {}, resultCount: 0}). */
    final boolean emptyData;

    V2Problem(int status, String error, @Nullable Long retryAfterSeconds, boolean emptyData) {
        super(error, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.emptyData = emptyData;
    }

    static V2Problem badRequest(String field, String message) {
        return new V2Problem(400, field + ": " + message, null, false);
    }

    static V2Problem of(int status, String error) {
        return new V2Problem(status, error, null, false);
    }

    /** The vendor's "not found" answer: no {@code error}, an empty {@code data}. */
    static V2Problem notFound(String error) {
        return new V2Problem(404, error, null, true);
    }

    /** Translates a problem raised by the shared machinery (faults, limits, body parsing). */
    static V2Problem from(ApiProblem p) {
        String error =
                switch (p.extensions.getOrDefault("limit", "")) {
                    case "rate" -> "Rate limit exceeded: " + p.detail();
                    case "quota" ->
                            "Daily record quota exhausted: "
                                    + p.detail()
                                    + " It resets at "
                                    + p.extensions.get("quota_resets_at")
                                    + ".";
                    default -> p.detail();
                };
        return new V2Problem(p.status, error, p.retryAfterSeconds, false);
    }

    String error() {
        String message = getMessage();
        return message == null ? V2Envelope.reason(status) : message;
    }
}
