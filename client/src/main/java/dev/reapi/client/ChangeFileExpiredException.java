package dev.reapi.client;

import org.jspecify.annotations.Nullable;

/**
 * A change file's download link has expired or was refused (403 or 410 from the file host, or its
 * {@code expiresAt} has passed on the client's clock). Never retried: ask {@code changeFiles} for
 * fresh links and download again.
 */
public final class ChangeFileExpiredException extends RealEstateApiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message is built from the arguments. */
    public ChangeFileExpiredException(
            String operation,
            int status,
            String requestId,
            String detail,
            @Nullable Throwable cause) {
        super(operation, status, requestId, detail, cause);
    }
}
