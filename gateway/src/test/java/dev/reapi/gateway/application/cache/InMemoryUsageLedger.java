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

/** A ledger in a list; for unit tests of the engine. */
final class InMemoryUsageLedger implements UsageLedger {

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
        throw new UnsupportedOperationException("not needed by the engine");
    }

    /** The sum of every entry. */
    UsageTotals totals() {
        return entries.stream().map(UsageTotals::of).reduce(UsageTotals.ZERO, UsageTotals::plus);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
