package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem document as the gateway writes it.
 *
 * @param type a URI naming the kind of problem
 * @param title a short, fixed summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param instance the request path
 * @param requestId the request's id, also in {@code X-Request-Id}
 * @param errors with 400, one entry per bad field; empty otherwise
 * @param headers headers to send with the problem (e.g. {@code Retry-After}); not serialised
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        @JsonProperty("request_id") String requestId,
        List<FieldError> errors,
        @com.fasterxml.jackson.annotation.JsonIgnore Map<String, String> headers) {

    /** The content type of every problem. */
    static final String CONTENT_TYPE = "application/problem+json";

    Problem {
        Objects.requireNonNull(type, "type");
        errors = List.copyOf(errors);
        headers = Map.copyOf(headers);
    }

    /**
     * One invalid field.
     *
     * @param field the JSON path of the field, e.g. {@code filters.price_min}, or the parameter
     * @param message what is wrong with it
     */
    record FieldError(String field, String message) {}
}
