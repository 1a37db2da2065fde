package dev.reapi.client;

import org.jspecify.annotations.Nullable;

/** The API key is missing, unknown or revoked (401). Never retried. */
public final class UnauthorizedException extends RealEstateApiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message is built from the arguments. */
    public UnauthorizedException(
            String operation,
            int status,
            String requestId,
            String detail,
            @Nullable Throwable cause) {
        super(operation, status, requestId, detail, cause);
    }
}
