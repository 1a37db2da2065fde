package dev.reapi.gateway.application.port.out;

import dev.reapi.gateway.domain.GatewayException;

/** An idempotency key was reused with a different request body. */
public final class IdempotencyConflict extends GatewayException {

    private static final long serialVersionUID = 1L;

    /** The key {@code key} of user {@code userId} already names job {@code jobId}. */
    public IdempotencyConflict(String userId, String key, String jobId) {
        super(
                "idempotency key '"
                        + key
                        + "' of user "
                        + userId
                        + " was used for job "
                        + jobId
                        + " with a different body");
    }
}
