package dev.reapi.gateway.config;

import dev.reapi.gateway.domain.GatewayException;

/**
 * The gateway could not start, e.g. a required database is unreachable. One line, cause chained.
 */
public final class StartupException extends GatewayException {

    private static final long serialVersionUID = 1L;

    /** A failed start described by {@code message}, caused by {@code cause}. */
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
