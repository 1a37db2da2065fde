package dev.reapi.gateway.adapter.out.ratelimit;

import dev.reapi.gateway.domain.GatewayException;

/** The store behind shared rate limits could not be reached in time. */
public final class RateLimiterUnavailableException extends GatewayException {

    private static final long serialVersionUID = 1L;

    /** Taking a request from {@code bucketName} failed for {@code reason}. */
    public RateLimiterUnavailableException(String bucketName, String reason, Throwable cause) {
        super("rate limit bucket " + bucketName + " is unavailable: " + reason, cause);
    }
}
