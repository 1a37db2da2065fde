package dev.reapi.client;

import org.jspecify.annotations.Nullable;

/** No such property, address or area (404). Never retried. */
public final class NotFoundException extends RealEstateApiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message is built from the arguments. */
    public NotFoundException(
            String operation,
            int status,
            String requestId,
            String detail,
            @Nullable Throwable cause) {
        super(operation, status, requestId, detail, cause);
    }
}
