package dev.reapi.client.model;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What an API key may do, as the v2 key info endpoint reports it.
 *
 * @param keyType {@code live} or {@code test}
 * @param scopes the operations (scope names such as {@code PropertyAvm}) the key may call
 * @param requestsPerSecond the key's per-second request limit, null when unlimited or unknown
 * @param recordsPerDay the key's daily record quota, null when unlimited or unknown
 */
public record KeyInfo(
        String keyType,
        Set<String> scopes,
        @Nullable Integer requestsPerSecond,
        @Nullable Long recordsPerDay) {

    /** The scopes the client's v2 operations use, in the order the client documents them. */
    public static final List<String> CLIENT_SCOPES =
            List.of(
                    "PropertySearch",
                    "PropertyDetail",
                    "PropertyDetailBulk",
                    "PropertyAvm",
                    "PropertyAvmBulk",
                    "PropertyComps",
                    "ChangeFiles");

    /** Copies the scopes, sorted. */
    public KeyInfo {
        Checks.notNull("key_type", keyType);
        scopes = Collections.unmodifiableSortedSet(new TreeSet<>(Checks.notNull("scopes", scopes)));
    }

    /** Whether this is a live key (billed, real data) rather than a test key. */
    public boolean isLive() {
        return "live".equals(keyType);
    }

    /** The scopes of {@code required} this key lacks, in the order given. */
    public List<String> missingScopes(Collection<String> required) {
        return required.stream().filter(s -> !scopes.contains(s)).distinct().toList();
    }

    /**
     * A one-line report on {@code required}: either that the key has all of them, or which are
     * missing; suitable for a start-up log line.
     */
    public String scopeReport(Collection<String> required) {
        List<String> missing = missingScopes(required);
        if (missing.isEmpty()) {
            return "API key ("
                    + keyType
                    + ") has every required scope: "
                    + String.join(", ", required);
        }
        return "API key ("
                + keyType
                + ") lacks "
                + missing.size()
                + " of "
                + required.size()
                + " required scopes: "
                + String.join(", ", missing)
                + "; calls needing them fail with MissingScopeException";
    }
}
