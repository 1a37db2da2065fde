package dev.reapi.gateway.domain.property;

import java.util.Locale;
import java.util.Objects;

/**
 * Where an answer came from and how old its data is.
 *
 * @param source the kind of origin
 * @param ageSeconds seconds since the data was fetched from the upstream; 0 when fresh
 * @param upstreamCalls how many upstream calls producing this answer took
 */
public record Provenance(Source source, long ageSeconds, int upstreamCalls) {

    public Provenance {
        Objects.requireNonNull(source, "source");
        if (ageSeconds < 0) {
            throw new IllegalArgumentException("ageSeconds must be >= 0, was " + ageSeconds);
        }
        if (upstreamCalls < 0) {
            throw new IllegalArgumentException("upstreamCalls must be >= 0, was " + upstreamCalls);
        }
    }

    /** An answer fetched from the upstream just now with {@code upstreamCalls} calls. */
    public static Provenance fresh(int upstreamCalls) {
        return new Provenance(Source.FRESH, 0, upstreamCalls);
    }

    /** The same answer marked as partial: some of its parts could not be fetched. */
    public Provenance asPartial() {
        return new Provenance(Source.PARTIAL, ageSeconds, upstreamCalls);
    }

    /** The kinds of origin; the cache and fallback paths add answers of the other kinds. */
    public enum Source {
        /** Fetched from the upstream for this request. */
        FRESH,
        /** Served from the response cache within its time to live. */
        CACHE,
        /** Served from the cache past its time to live because the upstream failed. */
        STALE,
        /** Served from the local replica because the upstream failed. */
        REPLICA,
        /** Some parts are missing because their upstream calls failed. */
        PARTIAL;

        // Computed once: every answer's meta, header and log line asks for it.
        private final String key = name().toLowerCase(Locale.ROOT);

        /** The lower-case name used in {@code meta.source} and headers. */
        public String key() {
            return key;
        }
    }
}
