package dev.reapi.gateway.domain.job;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a job does; each type has its own parameters and result. */
public enum JobType {
    /** Runs a property search, following pages up to a record limit. */
    SEARCH,
    /** Values one property, by id or by address. */
    VALUATION,
    /** Fetches full details for up to 10,000 property ids. */
    ENRICH,
    /** Re-reads up to 10,000 properties from the upstream, bypassing caches. */
    REFRESH,
    /** Writes every property of a search to a file, served paged as CSV or NDJSON. */
    EXPORT;

    /** The name used in the API, e.g. {@code enrich}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code key} in the API, if any. */
    public static Optional<JobType> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
    }
}
