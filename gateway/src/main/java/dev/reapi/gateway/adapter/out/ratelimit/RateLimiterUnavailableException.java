package dev.reapi.gateway.adapter.out.ratelimit;

import dev.reapi.gateway.domain.GatewayException;

/** The store behind shared rate limits could not be reached in time. */
public final class RateLimiterUnavailableException extends GatewayException {

    private static final long serialVersionUID = 1L;

    /**
     * Reaching {@code what} failed for {@code reason}.
     *
     * @param what the bucket or store, e.g. {@code bucket reapi:ratelimit:u1:search:10/60000ms}
     */
    public RateLimiterUnavailableException(String what, String reason, Throwable cause) {
        super("rate limit " + what + " is unavailable: " + reason, cause);
    }
}
