package dev.reapi.gateway.domain.cache;

import java.util.Locale;

/** The kinds of upstream data the gateway caches, each with its own {@link CachePolicy} entry. */
public enum DataType {
    /** One property's details. */
    DETAILS,
    /** One page of a property search. */
    SEARCH,
    /** An automated valuation. */
    VALUATION,
    /** Area figures for a ZIP code. */
    DEMOGRAPHICS,
    /** Schools near a point. */
    SCHOOLS;

    /** The lower-case name used in configuration keys, cache keys and metrics. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type named by {@code key}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the key and the known ones
     */
    public static DataType fromKey(String key) {
        for (DataType type : values()) {
            if (type.key().equalsIgnoreCase(key.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "unknown data type '"
                        + key
                        + "', expected one of details, search, valuation,"
                        + " demographics, schools");
    }
}
