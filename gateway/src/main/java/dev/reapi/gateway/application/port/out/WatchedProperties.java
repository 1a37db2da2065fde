package dev.reapi.gateway.application.port.out;

import java.util.Set;

/**
 * The properties some user watches, which the gateway refreshes between batch syncs.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface WatchedProperties {

    /** The ids of every watched property, each once. */
    Set<String> watchedPropertyIds();

    /** No property is watched. */
    static WatchedProperties none() {
        return Set::of;
    }
}
