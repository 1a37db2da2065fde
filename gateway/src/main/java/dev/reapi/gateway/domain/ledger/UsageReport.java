package dev.reapi.gateway.domain.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Usage over a range of UTC days, for one user or for all of them.
 *
 * @param from first day, inclusive
 * @param to last day, inclusive
 * @param userId the user reported on, or empty for all users
 * @param totals the sum over the range
 * @param spent what the billed records cost at {@code price}
 * @param price the configured price per record
 * @param users per-user totals (one entry when {@code userId} is present), by user id
 * @param days the rows behind the totals, by day, user and endpoint
 */
public record UsageReport(
        LocalDate from,
        LocalDate to,
        Optional<String> userId,
        UsageTotals totals,
        BigDecimal spent,
        RecordPrice price,
        List<UserUsage> users,
        List<DailyUsage> days) {

    public UsageReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(spent, "spent");
        Objects.requireNonNull(price, "price");
        users = List.copyOf(users);
        days = List.copyOf(days);
    }

    /**
     * One user's totals over the range.
     *
     * @param userId the user
     * @param totals the sum over the range
     * @param spent what the user's billed records cost
     */
    public record UserUsage(String userId, UsageTotals totals, BigDecimal spent) {

        public UserUsage {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(totals, "totals");
            Objects.requireNonNull(spent, "spent");
        }
    }
}
