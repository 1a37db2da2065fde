package dev.reapi.gateway.application.ledger;

import dev.reapi.gateway.application.port.in.UsageQueries;
import dev.reapi.gateway.application.port.out.UsageLedger;
import dev.reapi.gateway.domain.ledger.DailyUsage;
import dev.reapi.gateway.domain.ledger.RecordPrice;
import dev.reapi.gateway.domain.ledger.UsageReport;
import dev.reapi.gateway.domain.ledger.UsageTotals;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds usage reports from the ledger, priced at the configured price per record. Thread-safe and
 * stateless.
 */
public final class UsageReports implements UsageQueries {

    /** The longest range one report covers, in days. */
    public static final int MAX_DAYS = 366;

    private final UsageLedger ledger;
    private final RecordPrice price;
    private final Clock clock;

    /** Reports over {@code ledger} at {@code price}; "today" comes from {@code clock} (UTC). */
    public UsageReports(UsageLedger ledger, RecordPrice price, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.price = Objects.requireNonNull(price, "price");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * The usage of {@code userId}, or of every user when empty, from {@code from} to {@code to}.
     *
     * @throws IllegalArgumentException when {@code from} is after {@code to} or the range is longer
     *     than {@value #MAX_DAYS} days
     */
    @Override
    public UsageReport report(Optional<String> userId, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException(
                    "the range covers " + days + " days; at most " + MAX_DAYS + " are allowed");
        }
        List<DailyUsage> rows = ledger.daily(userId, from, to);
        Map<String, UsageTotals> byUser = new TreeMap<>();
        UsageTotals total = UsageTotals.ZERO;
        for (DailyUsage row : rows) {
            byUser.merge(row.userId(), row.totals(), UsageTotals::plus);
            total = total.plus(row.totals());
        }
        List<UsageReport.UserUsage> users =
                byUser.entrySet().stream()
                        .map(
                                e ->
                                        new UsageReport.UserUsage(
                                                e.getKey(),
                                                e.getValue(),
                                                e.getValue().spent(price)))
                        .toList();
        return new UsageReport(from, to, userId, total, total.spent(price), price, users, rows);
    }
}
