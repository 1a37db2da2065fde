package dev.reapi.gateway.application.port.out;

import dev.reapi.gateway.domain.GatewayException;

/** A change file's download link has expired: list the day's files again for fresh links. */
public final class ChangeFileLinkExpired extends GatewayException {

    private static final long serialVersionUID = 1L;

    /** The link of {@code filename} has expired. */
    public ChangeFileLinkExpired(String filename, Throwable cause) {
        super("the link of change file " + filename + " has expired", cause);
    }
}
