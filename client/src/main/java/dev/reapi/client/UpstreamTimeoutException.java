package dev.reapi.client;

import org.jspecify.annotations.Nullable;

/** No response arrived within the per-request timeout or the call's overall deadline. */
public final class UpstreamTimeoutException extends RealEstateApiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message is built from the arguments. */
    public UpstreamTimeoutException(
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
