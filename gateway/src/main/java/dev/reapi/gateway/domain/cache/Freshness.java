package dev.reapi.gateway.domain.cache;

/** How usable a cache entry is at a given instant, by its age and its type's policy. */
public enum Freshness {
    /** Within its time to live: served as is. */
    FRESH,
    /** Past its time to live but within the grace window: served at once, refreshed behind. */
    REVALIDATE,
    /** Past the grace window but retained: served only when the upstream fails. */
    STALE_IF_ERROR,
    /** Past retention: never served. */
    EXPIRED
}
