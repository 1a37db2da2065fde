package dev.reapi.gateway.domain.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a notification's webhook delivery is. */
public enum DeliveryState {
    /** No callback URL was configured: the notification is only readable and streamed. */
    NONE,
    /** Waiting for its first or next delivery attempt. */
    PENDING,
    /** A callback answered 2xx. */
    DELIVERED,
    /** Every allowed attempt failed; kept and readable by its owner. */
    DEAD;

    /** The name used in the API and the database, e.g. {@code pending}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state named {@code key}, if any. */
    public static Optional<DeliveryState> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }
}
