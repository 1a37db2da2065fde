package dev.reapi.gateway.domain.watch;

import java.util.Objects;

/**
 * A property last known to be inside a saved search.
 *
 * @param watchId the saved search's watch
 * @param propertyId the property
 */
public record Membership(String watchId, String propertyId) {

    public Membership {
        Objects.requireNonNull(watchId, "watchId");
        Objects.requireNonNull(propertyId, "propertyId");
    }
}
