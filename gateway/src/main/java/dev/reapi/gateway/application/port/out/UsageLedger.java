package dev.reapi.gateway.application.port.out;

import dev.reapi.gateway.domain.ledger.DailyUsage;
import dev.reapi.gateway.domain.ledger.UsageEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where the gateway accounts for what each user's requests cost upstream. Days are UTC.
 * Implementations are thread-safe; {@link #append} is cheap and may be written behind, but nothing
 * appended is lost by {@link #close()}.
 */
public interface UsageLedger extends AutoCloseable {

    /** Records one answered request. */
    void append(UsageEntry entry);

    /** Records billed to {@code userId} on {@code day}, including entries not yet written. */
    long recordsBilled(String userId, LocalDate day);

    /**
     * Daily totals per user and endpoint from {@code from} to {@code to}, both inclusive, including
     * entries not yet written, ordered by day, user and endpoint.
     *
     * @param userId only this user's rows, or all users' when empty
     */
    List<DailyUsage> daily(Optional<String> userId, LocalDate from, LocalDate to);

    /** Writes every appended entry now. */
    void flush();

    /** Writes every appended entry and releases resources; later appends are rejected. */
    @Override
    void close();
}
