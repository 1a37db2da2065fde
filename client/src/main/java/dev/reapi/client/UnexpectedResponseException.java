package dev.reapi.client;

import org.jspecify.annotations.Nullable;

/** The upstream answered with a status or a body this client does not understand. */
public final class UnexpectedResponseException extends RealEstateApiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message is built from the arguments. */
    public UnexpectedResponseException(
            String operation,
            int status,
            String requestId,
            String detail,
            @Nullable Throwable cause) {
        super(operation, status, requestId, detail, cause);
    }
}
