package dev.reapi.gateway.adapter.in.http;

import java.util.Locale;

/** The kinds of problem the gateway answers with; each has a stable type URI. */
enum ProblemType {
    VALIDATION(400, "Invalid request"),
    MALFORMED_JSON(400, "Malformed JSON"),
    UPSTREAM_UNSUPPORTED(400, "Not supported by the upstream API"),
    UNAUTHORIZED(401, "Missing or unknown API key"),
    FORBIDDEN(403, "Admin key required"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    RATE_LIMITED(429, "Rate limit exceeded"),
    DAILY_CAP_REACHED(429, "Daily record cap reached"),
    INTERNAL(500, "Internal error"),
    UPSTREAM_REJECTED(502, "Upstream rejected the request"),
    UPSTREAM_UNAVAILABLE(503, "Upstream unavailable"),
    UPSTREAM_QUOTA(503, "Upstream quota exhausted"),
    UPSTREAM_SCOPE_MISSING(503, "Upstream key lacks a scope");

    /** The base of every type URI; the path names the kind. */
    static final String BASE = "https://reapi.dev/problems/";

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    String uri() {
        return BASE + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
