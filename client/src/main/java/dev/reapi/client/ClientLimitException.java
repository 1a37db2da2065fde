package dev.reapi.client;

import org.jspecify.annotations.Nullable;

/** The client's own bulkhead or rate limiter refused the call; nothing was sent. */
public final class ClientLimitException extends RealEstateApiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message is built from the arguments. */
    public ClientLimitException(
            String operation,
            int status,
            String requestId,
            String detail,
            @Nullable Throwable cause) {
        super(operation, status, requestId, detail, cause);
    }
}
