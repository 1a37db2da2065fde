package dev.reapi.gateway.domain.property;

import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.Schools;
import dev.reapi.client.model.Valuation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A property with its area data, fetched in parallel. A part whose fetch failed is empty and named
 * in {@code missing}; such an answer is partial.
 *
 * @param property the property itself (always present)
 * @param valuation its valuation, when fetched
 * @param demographics the figures of its area, when fetched
 * @param schools schools near it, when fetched
 * @param missing names of the parts that failed: {@code valuation}, {@code demographics}, {@code
 *     schools}
 */
public record EnrichedProperty(
        Property property,
        Optional<Valuation> valuation,
        Optional<Demographics> demographics,
        Optional<Schools> schools,
        List<String> missing) {

    public EnrichedProperty {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(valuation, "valuation");
        Objects.requireNonNull(demographics, "demographics");
        Objects.requireNonNull(schools, "schools");
        missing = List.copyOf(missing);
    }

    /** Whether some part could not be fetched. */
    public boolean partial() {
        return !missing.isEmpty();
    }
}
