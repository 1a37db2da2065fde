package dev.reapi.gateway.domain;

/**
 * The root of the gateway's own failures. Subtypes name what failed; messages carry the key, id or
 * limit needed to diagnose it, and the cause is always chained.
 */
public class GatewayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public GatewayException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
