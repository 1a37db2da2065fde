package dev.reapi.gateway.domain.job;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Why an attempt or a job failed, as shown to the owner.
 *
 * @param code a stable machine-readable code, e.g. {@code upstream_unavailable}
 * @param message a human-readable explanation without secrets
 */
public record JobError(String code, String message) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public JobError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "error code must be 1-64 of [a-z0-9_] starting with a letter, was '"
                            + code
                            + "'");
        }
    }
}
