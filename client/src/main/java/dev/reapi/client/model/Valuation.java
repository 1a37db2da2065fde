package dev.reapi.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An automated valuation.
 *
 * @param propertyId the valued property
 * @param address its formatted address, when the server sends it
 * @param estimatedValue estimate in US dollars
 * @param low low end of the range in US dollars
 * @param high high end of the range in US dollars
 * @param confidence 0..1
 * @param asOf the day the estimate was made
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Valuation(
        String propertyId,
        @Nullable String address,
        long estimatedValue,
        long low,
        long high,
        double confidence,
        LocalDate asOf) {

    /** Validates the amounts, the order of the range and the confidence. */
    public Valuation {
        Checks.notBlank("property_id", propertyId);
        Checks.atLeast("estimated_value", estimatedValue, 0);
        Checks.atLeast("low", low, 0);
        Checks.ordered("low", low, "high", high);
        Checks.between("confidence", confidence, 0.0, 1.0);
        Checks.notNull("as_of", asOf);
    }
}
