package dev.reapi.gateway.application.port.in;

import dev.reapi.gateway.domain.property.Provenance;
import java.util.Objects;

/**
 * A use case's answer: the data and where it came from.
 *
 * @param data the answer itself
 * @param provenance its origin and age
 * @param <T> the type of the data
 */
public record Answer<T>(T data, Provenance provenance) {

    public Answer {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(provenance, "provenance");
    }
}
