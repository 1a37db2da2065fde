package dev.reapi.gateway.application.cache;

import dev.reapi.gateway.domain.property.Provenance;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one read.
 *
 * @param value the value, or empty when the upstream said it does not exist
 * @param provenance where the answer came from and how old it is
 * @param json the value as the cache stores it (its codec's JSON) when the answer came through a
 *     cache entry; empty for "not found" and for answers from the replica
 * @param <V> the value type
 */
public record ReadResult<V>(Optional<V> value, Provenance provenance, Optional<String> json) {

    public ReadResult {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(json, "json");
    }

    /** An answer that did not come through a cache entry. */
    public ReadResult(Optional<V> value, Provenance provenance) {
        this(value, provenance, Optional.empty());
    }
}
