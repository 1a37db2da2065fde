package dev.reapi.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The per-second request limit was hit (429 with {@code limit: rate}) and the client gave up
 * waiting: its retries ran out or {@code Retry-After} exceeded the configured maximum wait.
 */
public final class RateLimitedException extends RealEstateApiException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** Creates the exception; the message includes the wait the upstream asked for. */
    public RateLimitedException(
            String operation,
            String requestId,
            Duration retryAfter,
            String detail,
            @Nullable Throwable cause) {
        super(operation, 429, requestId, detail + " (retry after " + retryAfter + ")", cause);
        this.retryAfter = retryAfter;
    }

    /** How long the upstream asked to wait, from {@code Retry-After}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
