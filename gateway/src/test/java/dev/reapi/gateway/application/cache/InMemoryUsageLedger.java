package dev.reapi.gateway.application.cache;

import dev.reapi.gateway.application.port.out.UsageLedger;
import dev.reapi.gateway.domain.ledger.DailyUsage;
import dev.reapi.gateway.domain.ledger.UsageEntry;
import dev.reapi.gateway.domain.ledger.UsageTotals;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A ledger in a list; for unit tests of services that account usage. */
public final class InMemoryUsageLedger implements UsageLedger {

    final List<UsageEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void append(UsageEntry entry) {
        entries.add(entry);
    }

    @Override
    public long recordsBilled(String userId, LocalDate day) {
        return entries.stream()
                .filter(e -> e.userId().equals(userId))
                .filter(e -> LocalDate.ofInstant(e.at(), ZoneOffset.UTC).equals(day))
                .mapToLong(UsageEntry::recordsBilled)
                .sum();
    }

    @Override
    public List<DailyUsage> daily(Optional<String> userId, LocalDate from, LocalDate to) {
        var sums = new java.util.TreeMap<String, DailyUsage>();
        for (UsageEntry e : entries) {
            LocalDate day = LocalDate.ofInstant(e.at(), ZoneOffset.UTC);
            if (day.isBefore(from)
                    || day.isAfter(to)
                    || !userId.map(e.userId()::equals).orElse(true)) {
                continue;
            }
            String key = day + "|" + e.userId() + "|" + e.endpoint();
            var row = new DailyUsage(day, e.userId(), e.endpoint(), UsageTotals.of(e));
            sums.merge(
                    key,
                    row,
                    (a, b) ->
                            new DailyUsage(
                                    day, e.userId(), e.endpoint(), a.totals().plus(b.totals())));
        }
        return List.copyOf(sums.values());
    }

    /** The sum of every entry. */
    public UsageTotals totals() {
        return entries.stream().map(UsageTotals::of).reduce(UsageTotals.ZERO, UsageTotals::plus);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
