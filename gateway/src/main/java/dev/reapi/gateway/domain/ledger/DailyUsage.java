package dev.reapi.gateway.domain.ledger;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One user's usage of one endpoint on one UTC day.
 *
 * @param day the UTC day
 * @param userId the user
 * @param endpoint the gateway endpoint
 * @param totals the summed usage
 */
public record DailyUsage(LocalDate day, String userId, String endpoint, UsageTotals totals) {

    public DailyUsage {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(totals, "totals");
    }
}
