package dev.reapi.gateway.application.port.out;

import dev.reapi.gateway.domain.GatewayException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link PropertySource} call failed. The kind says what the gateway's caller should be told; the
 * message names the operation and id and never contains the upstream key.
 */
public final class UpstreamFailure extends GatewayException {

    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final transient Optional<Duration> retryAfter;

    /**
     * A failure of {@code kind}.
     *
     * @param retryAfter how long the upstream asked to wait, when it said so
     */
    public UpstreamFailure(
            Kind kind, String message, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** What failed. */
    public Kind kind() {
        return kind;
    }

    /** How long to wait before trying again, when known. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** The kinds of upstream failure the gateway distinguishes. */
    public enum Kind {
        /** The property, address or area does not exist. */
        NOT_FOUND,
        /** The upstream is down, timed out, or the circuit breaker is open. */
        UNAVAILABLE,
        /** The upstream's record quota or rate limit for our key is exhausted. */
        QUOTA,
        /** The upstream rejected the request as invalid: our validation missed something. */
        REJECTED,
        /**
         * The gateway's upstream key lacks the scope the call needs (v2 API). Lasts until the key's
         * plan changes, so it is neither retried nor answered from stale data.
         */
        MISSING_SCOPE,
        /**
         * The configured upstream API cannot express the request (on v2: more than one property
         * type, the off_market status, a cursor that is not a result index); the caller must ask
         * differently.
         */
        UNSUPPORTED
    }
}
