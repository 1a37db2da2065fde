package dev.reapi.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/**
 * Area figures for one ZIP code.
 *
 * @param zip the ZIP code
 * @param city its main city, when known
 * @param state its state, when known
 * @param population residents
 * @param medianHouseholdIncome US dollars per year
 * @param medianAge years
 * @param households household count
 * @param ownerOccupiedShare 0..1
 * @param medianHomeValue US dollars, when known
 * @param unemploymentRate 0..1, when known
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Demographics(
        String zip,
        @Nullable String city,
        @Nullable String state,
        long population,
        long medianHouseholdIncome,
        double medianAge,
        long households,
        double ownerOccupiedShare,
        @Nullable Long medianHomeValue,
        @Nullable Double unemploymentRate) {

    /** Validates counts and shares. */
    public Demographics {
        Checks.notBlank("zip", zip);
        Checks.atLeast("population", population, 0);
        Checks.atLeast("median_household_income", medianHouseholdIncome, 0);
        Checks.atLeast("households", households, 0);
        Checks.between("owner_occupied_share", ownerOccupiedShare, 0.0, 1.0);
        if (unemploymentRate != null) {
            Checks.between("unemployment_rate", unemploymentRate, 0.0, 1.0);
        }
    }
}
