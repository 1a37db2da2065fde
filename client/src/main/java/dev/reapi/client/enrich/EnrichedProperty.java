package dev.reapi.client.enrich;

import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.School;
import dev.reapi.client.model.Valuation;
import java.util.List;
import java.util.Objects;

/**
 * A property with its enrichment parts, each loaded, failed or skipped on its own.
 *
 * @param property the property as given
 * @param valuation its automated valuation
 * @param demographics its area's figures
 * @param schools the schools near it
 */
public record EnrichedProperty(
        Property property,
        PartResult<Valuation> valuation,
        PartResult<Demographics> demographics,
        PartResult<List<School>> schools) {

    /** Requires every member. */
    public EnrichedProperty {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(valuation, "valuation");
        Objects.requireNonNull(demographics, "demographics");
        Objects.requireNonNull(schools, "schools");
    }

    /** Whether no part failed. */
    public boolean isComplete() {
        return !(valuation instanceof PartResult.Failed<?>)
                && !(demographics instanceof PartResult.Failed<?>)
                && !(schools instanceof PartResult.Failed<?>);
    }
}
