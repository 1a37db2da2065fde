package dev.reapi.gateway.domain.user;

/** A group of routes that share one rate limit per user. */
public enum EndpointClass {
    /** Property search: the expensive, broad queries. */
    SEARCH,
    /** Everything keyed by one property or address: details, valuation, area data. */
    DETAILS,
    /** Asynchronous job submission and inspection. */
    JOBS;

    /** The lower-case name used in configuration, headers and metrics. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
