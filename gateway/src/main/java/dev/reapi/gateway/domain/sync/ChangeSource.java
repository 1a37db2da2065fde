package dev.reapi.gateway.domain.sync;

import java.util.Locale;

/** How the gateway learned of a change. */
public enum ChangeSource {
    /** A signed upstream webhook. */
    WEBHOOK,
    /** A scheduled or manual batch sync over the updated feed. */
    BATCH,
    /** An incremental sync between batch runs. */
    INCREMENTAL,
    /** A read through the gateway that wrote a newer version to the replica. */
    READ;

    /** The name stored and shown, e.g. {@code webhook}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #wireName()}. */
    public static ChangeSource fromWire(String wireName) {
        for (ChangeSource source : values()) {
            if (source.wireName().equals(wireName)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown change source '" + wireName + "'");
    }
}
