package dev.reapi.gateway.domain.sync;

import java.util.Locale;

/** Where a received webhook event stands. */
public enum InboxState {
    /** Stored and acknowledged, not yet applied. */
    PENDING,
    /** Applied to the replica. */
    APPLIED,
    /** Older than the replica's version of the property: kept for the record, not applied. */
    STALE,
    /** About a property the replica does not hold; the next read or batch sync brings it. */
    UNKNOWN;

    /** The name stored, e.g. {@code pending}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
