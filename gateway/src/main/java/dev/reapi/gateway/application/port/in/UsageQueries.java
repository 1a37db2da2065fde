package dev.reapi.gateway.application.port.in;

import dev.reapi.gateway.domain.ledger.UsageReport;
import java.time.LocalDate;
import java.util.Optional;

/** What users' requests cost upstream. Implementations are thread-safe. */
public interface UsageQueries {

    /** Today in UTC, the default of both ends of a range. */
    LocalDate today();

    /**
     * The usage of {@code userId}, or of every user when empty, over UTC days {@code from} to
     * {@code to}, both inclusive.
     *
     * @throws IllegalArgumentException when the range is backwards or too long
     */
    UsageReport report(Optional<String> userId, LocalDate from, LocalDate to);
}
