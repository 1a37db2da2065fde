package dev.reapi.gateway.application.cache;

import dev.reapi.gateway.domain.property.Provenance;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one read.
 *
 * @param value the value, or empty when the upstream said it does not exist
 * @param provenance where the answer came from and how old it is
 * @param <V> the value type
 */
public record ReadResult<V>(Optional<V> value, Provenance provenance) {

    public ReadResult {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(provenance, "provenance");
    }
}
