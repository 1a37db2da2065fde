package dev.reapi.gateway.config;

import dev.reapi.gateway.domain.GatewayException;

/** The configuration is invalid; the message is one line naming the key and the bad value. */
public final class ConfigException extends GatewayException {

    private static final long serialVersionUID = 1L;

    /** An invalid configuration described by {@code message}. */
    public ConfigException(String message) {
        super(message);
    }

    /** An invalid configuration described by {@code message}, caused by {@code cause}. */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
