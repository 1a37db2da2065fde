package dev.reapi.gateway.domain.watch;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a watch follows. */
public enum WatchKind {
    /** One property: notified when one of its tracked fields changes. */
    PROPERTY,
    /** A saved search: notified when a property enters or leaves it. */
    SEARCH;

    /** The name used in the API and the database, e.g. {@code property}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code key}, if any. */
    public static Optional<WatchKind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
    }
}
