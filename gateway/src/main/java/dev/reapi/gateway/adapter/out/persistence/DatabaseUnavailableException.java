package dev.reapi.gateway.adapter.out.persistence;

import dev.reapi.gateway.domain.GatewayException;

/**
 * The database cannot be reached or opened. The message is one line naming the JDBC URL, with any
 * password masked, and the reason; the driver's exception is the cause.
 */
public final class DatabaseUnavailableException extends GatewayException {

    private static final long serialVersionUID = 1L;

    /** The database at {@code safeUrl} is unavailable for {@code reason}. */
    public DatabaseUnavailableException(String safeUrl, String reason, Throwable cause) {
        super("database " + safeUrl + " is unavailable: " + reason, cause);
    }
}
