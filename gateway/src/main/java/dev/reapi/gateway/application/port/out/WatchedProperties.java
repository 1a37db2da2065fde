package dev.reapi.gateway.application.port.out;

import java.util.Set;

/** The property ids some user watches, for scheduled incremental refresh. */
public interface WatchedProperties {

    /** The property ids some user watches, for scheduled incremental refresh. */
    Set<String> watchedPropertyIds();
}
