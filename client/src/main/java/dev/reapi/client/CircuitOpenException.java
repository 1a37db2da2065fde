package dev.reapi.client;

import org.jspecify.annotations.Nullable;

/**
 * The circuit breaker is open after repeated upstream failures, so the call failed fast without
 * being sent. Retry after the breaker's wait in open state.
 */
public final class CircuitOpenException extends RealEstateApiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message is built from the arguments. */
    public CircuitOpenException(
            String operation,
            int status,
            String requestId,
            String detail,
            @Nullable Throwable cause) {
        super(operation, status, requestId, detail, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
