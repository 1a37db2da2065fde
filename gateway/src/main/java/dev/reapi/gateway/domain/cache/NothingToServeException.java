package dev.reapi.gateway.domain.cache;

import dev.reapi.gateway.domain.GatewayException;
import java.time.Duration;
import java.util.Objects;

/**
 * The upstream failed and neither the cache nor the replica holds an answer for the key. HTTP
 * adapters answer 503 with {@code Retry-After} set to {@link #retryAfter()}.
 */
public final class NothingToServeException extends GatewayException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final Duration retryAfter;

    /**
     * @param key the rendered cache key that could not be answered
     * @param retryAfter when a retry may succeed
     * @param cause the upstream failure
     */
    public NothingToServeException(String key, Duration retryAfter, Throwable cause) {
        super(
                "upstream failed and nothing is cached or replicated for "
                        + key
                        + "; retry after "
                        + retryAfter.toSeconds()
                        + " s",
                cause);
        this.key = Objects.requireNonNull(key, "key");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** The rendered cache key that could not be answered. */
    public String key() {
        return key;
    }

    /** When a retry may succeed. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
