package dev.reapi.client;

import org.jspecify.annotations.Nullable;

/**
 * The API key is valid but lacks the scope an operation needs (403 on the v2 API). Never retried:
 * the key's plan must grant the scope first.
 */
public final class MissingScopeException extends RealEstateApiException {

    private static final long serialVersionUID = 1L;

    private final String scope;

    /** Creates the exception; the message names the missing scope. */
    public MissingScopeException(
            String operation,
            String requestId,
            String scope,
            String detail,
            @Nullable Throwable cause) {
        super(operation, 403, requestId, detail + " (missing scope " + scope + ")", cause);
        this.scope = scope;
    }

    /** The scope the key lacks, e.g. {@code PropertyAvm}. */
    public String scope() {
        return scope;
    }
}
