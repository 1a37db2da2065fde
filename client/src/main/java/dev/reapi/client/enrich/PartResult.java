package dev.reapi.client.enrich;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one enrichment part of one property.
 *
 * @param <T> the part's value type
 */
public sealed interface PartResult<T> {

    /** The value when the part loaded. */
    Optional<T> value();

    /** Whether the part loaded. */
    default boolean isLoaded() {
        return this instanceof Loaded<T>;
    }

    /**
     * The part loaded.
     *
     * @param loaded the value
     * @param <T> the value type
     */
    record Loaded<T>(T loaded) implements PartResult<T> {

        /** Requires a value. */
        public Loaded {
            Objects.requireNonNull(loaded, "loaded");
        }

        @Override
        public Optional<T> value() {
            return Optional.of(loaded);
        }
    }

    /**
     * The part failed; the other parts are unaffected.
     *
     * @param reason a one-line description
     * @param error the failure, usually a {@link dev.reapi.client.RealEstateApiException}
     * @param <T> the value type
     */
    record Failed<T>(String reason, Throwable error) implements PartResult<T> {

        /** Requires both members. */
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public Optional<T> value() {
            return Optional.empty();
        }
    }

    /**
     * The part was not asked for.
     *
     * @param <T> the value type
     */
    record Skipped<T>() implements PartResult<T> {

        @Override
        public Optional<T> value() {
            return Optional.empty();
        }
    }
}
