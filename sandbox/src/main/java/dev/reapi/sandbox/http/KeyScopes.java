package dev.reapi.sandbox.http;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code /v2} scopes and live flag of each sandbox key. A key nobody configured holds every
 * scope and is a test key. Thread-safe.
 */
final class KeyScopes {
    /** Every scope the sandbox serves, in the vendor's order. */
    static final List<String> ALL =
            List.of(
                    "PropertySearch",
                    "PropertyDetail",
                    "PropertyDetailBulk",
                    "PropertyAvm",
                    "PropertyAvmBulk",
                    "PropertyComps",
                    "ChangeFiles");

    /**
     * What one key may do.
     *
     * @param scopes granted scopes, a subset of {@link #ALL}
     * @param live whether the key reports itself live
     */
    record Grant(Set<String> scopes, boolean live) {
        Grant {
            scopes = Set.copyOf(scopes);
            if (!ALL.containsAll(scopes)) {
                throw new IllegalArgumentException("unknown scope in " + scopes);
            }
        }
    }

    private static final Grant DEFAULT = new Grant(Set.copyOf(ALL), false);

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    Grant of(String key) {
        return grants.getOrDefault(key, DEFAULT);
    }

    void set(String key, Grant grant) {
        grants.put(key, grant);
    }
}
