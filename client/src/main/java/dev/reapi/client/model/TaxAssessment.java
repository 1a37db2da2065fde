package dev.reapi.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A property's tax assessment for one year.
 *
 * @param year the tax year
 * @param assessedValue assessed value in whole US dollars
 * @param taxAmount tax due in whole US dollars
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaxAssessment(int year, long assessedValue, long taxAmount) {

    /** Requires non-negative amounts. */
    public TaxAssessment {
        Checks.atLeast("assessed_value", assessedValue, 0);
        Checks.atLeast("tax_amount", taxAmount, 0);
    }
}
