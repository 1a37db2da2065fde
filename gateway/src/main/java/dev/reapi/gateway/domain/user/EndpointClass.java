package dev.reapi.gateway.domain.user;

/** A group of routes that share one rate limit per user. */
public enum EndpointClass {
    /** Property search: the expensive, broad queries. */
    SEARCH,
    /** Everything keyed by one property or address: details, valuation, area data. */
    DETAILS,
    /** Asynchronous job submission and inspection. */
    JOBS;

    // Computed once: the rate limiter and the metrics ask for it on every request.
    private final String key = name().toLowerCase(java.util.Locale.ROOT);

    /** The lower-case name used in configuration, headers and metrics. */
    public String key() {
        return key;
    }
}
