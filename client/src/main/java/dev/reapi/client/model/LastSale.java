package dev.reapi.client.model;

import java.time.LocalDate;

/**
 * The most recent recorded sale of a property.
 *
 * @param date the day of the sale
 * @param price the price in whole US dollars
 */
public record LastSale(LocalDate date, long price) {

    /** Requires a date and a non-negative price. */
    public LastSale {
        Checks.notNull("date", date);
        Checks.atLeast("price", price, 0);
    }
}
