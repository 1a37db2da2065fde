package dev.reapi.client.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem document with the upstream's extension members; every member optional so that
 * a partial or foreign body still parses.
 *
 * @param type problem type URI
 * @param title short summary
 * @param status HTTP status
 * @param detail explanation of this occurrence
 * @param requestId the request id the server saw
 * @param errors one entry per bad field (400)
 * @param limit {@code rate} or {@code quota} (429)
 * @param quotaResetsAt when the quota resets, RFC 3339 (429 quota)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(
        @Nullable String type,
        @Nullable String title,
        @Nullable Integer status,
        @Nullable String detail,
        @Nullable String requestId,
        @Nullable List<FieldProblem> errors,
        @Nullable String limit,
        @Nullable String quotaResetsAt) {

    /** An empty problem, for bodies that are not problem documents. */
    public static final Problem EMPTY = new Problem(null, null, null, null, null, null, null, null);

    /**
     * One bad field.
     *
     * @param field JSON path of the field
     * @param message what is wrong
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldProblem(@Nullable String field, @Nullable String message) {}

    /** The most specific human text available. */
    public String describe(String fallback) {
        if (detail != null && !detail.isBlank()) {
            return detail;
        }
        if (title != null && !title.isBlank()) {
            return title;
        }
        return fallback;
    }
}
