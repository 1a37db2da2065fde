package dev.reapi.gateway.application.port.in;

import dev.reapi.gateway.domain.property.Provenance;
import java.util.Objects;
import java.util.Optional;

/**
 * A use case's answer: the data and where it came from.
 *
 * @param data the answer itself
 * @param provenance its origin and age
 * @param json {@code data} already encoded as JSON, when the use case has it at hand (a cached
 *     answer is stored that way), so that an adapter can write it without encoding {@code data}
 *     again; empty otherwise. When present it is exactly the JSON encoding of {@code data}.
 * @param <T> the type of the data
 */
public record Answer<T>(T data, Provenance provenance, Optional<String> json) {

    public Answer {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(json, "json");
    }

    /** An answer without its JSON at hand. */
    public Answer(T data, Provenance provenance) {
        this(data, provenance, Optional.empty());
    }
}
