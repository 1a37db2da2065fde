package dev.reapi.client.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of a change file.
 *
 * @param kind the kind of the file the row comes from
 * @param propertyId the property's id, in the client's id form (see {@link Property#id()})
 * @param lastUpdateDate when the upstream last changed the property, when the file says
 */
public record ChangeRow(ChangeFile.Kind kind, String propertyId, @Nullable Instant lastUpdateDate) {

    /** Requires the kind and the id. */
    public ChangeRow {
        Checks.notNull("kind", kind);
        Checks.notBlank("id", propertyId);
    }
}
