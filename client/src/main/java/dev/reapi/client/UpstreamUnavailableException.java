package dev.reapi.client;

import org.jspecify.annotations.Nullable;

/**
 * The upstream failed (5xx) or the connection broke before a response arrived (status {@code 0}),
 * on the last attempt the client was allowed to make.
 */
public final class UpstreamUnavailableException extends RealEstateApiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message is built from the arguments. */
    public UpstreamUnavailableException(
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
