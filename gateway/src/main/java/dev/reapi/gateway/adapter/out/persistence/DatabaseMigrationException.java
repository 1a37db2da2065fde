package dev.reapi.gateway.adapter.out.persistence;

import dev.reapi.gateway.domain.GatewayException;

/** The database is reachable but its schema could not be migrated to the current version. */
public final class DatabaseMigrationException extends GatewayException {

    private static final long serialVersionUID = 1L;

    /** Migrating the database at {@code safeUrl} failed for {@code reason}. */
    public DatabaseMigrationException(String safeUrl, String reason, Throwable cause) {
        super("migrating database " + safeUrl + " failed: " + reason, cause);
    }
}
