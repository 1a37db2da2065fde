package dev.reapi.client.model;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a bulk valuation: one valuation for each property that could be valued, one failure
 * for each that could not.
 *
 * @param valuations the valuations, in request order
 * @param failures the properties without a valuation and why, in request order
 */
public record ValuationBatch(List<Valuation> valuations, List<Failure> failures) {

    /** The most properties one bulk valuation call accepts. */
    public static final int MAX_IDS = 100;

    /** Copies both lists. */
    public ValuationBatch {
        valuations = List.copyOf(Checks.notNull("valuations", valuations));
        failures = List.copyOf(Checks.notNull("failures", failures));
    }

    /** The valuation of {@code propertyId}, if it was valued. */
    public Optional<Valuation> find(String propertyId) {
        return valuations.stream().filter(v -> v.propertyId().equals(propertyId)).findFirst();
    }

    /**
     * One property that could not be valued.
     *
     * @param propertyId the requested id
     * @param reason the upstream's reason, e.g. {@code No results found}
     */
    public record Failure(String propertyId, String reason) {

        /** Requires both members. */
        public Failure {
            Checks.notNull("property_id", propertyId);
            Checks.notNull("reason", reason);
        }
    }
}
