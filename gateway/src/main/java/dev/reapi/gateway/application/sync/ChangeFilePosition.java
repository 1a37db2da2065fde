package dev.reapi.gateway.application.sync;

import dev.reapi.client.model.ChangeRow;
import dev.reapi.gateway.domain.sync.SyncCheckpoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a change-file sync stands: a day, and within it a file and how far into it. Stored as a
 * {@link SyncCheckpoint}: {@code since} is the day's first instant (UTC), {@code cursor} is {@code
 * <filename>#<rows done>} while the day is being read and null before it begins, and {@code
 * highAt}/{@code highId} are the last committed row's {@code lastUpdateDate} and id.
 *
 * @param day the day being read, or the next day to read when {@code file} is null
 * @param file the file being read; null before the day's first file
 * @param rows the rows of {@code file} handled so far
 * @param lastAt the {@code lastUpdateDate} of the last handled row; null when none or unknown
 * @param lastId the id of the last handled row; empty when none
 */
record ChangeFilePosition(
        LocalDate day, @Nullable String file, long rows, @Nullable Instant lastAt, String lastId) {

    private static final Comparator<ChangeRow> ROW_ORDER =
            Comparator.comparing(
                            ChangeRow::lastUpdateDate,
                            Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                    .thenComparing(ChangeRow::propertyId);

    ChangeFilePosition {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(lastId, "lastId");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, was " + rows);
        }
        if (file != null && (file.isBlank() || file.contains("#"))) {
            throw new IllegalArgumentException("file name is malformed: '" + file + "'");
        }
    }

    /** The start of {@code day}, before its first file. */
    static ChangeFilePosition startOf(LocalDate day) {
        return new ChangeFilePosition(day, null, 0, null, "");
    }

    /** The position a stored checkpoint describes. */
    static ChangeFilePosition of(SyncCheckpoint checkpoint) {
        LocalDate day = LocalDate.ofInstant(checkpoint.since(), ZoneOffset.UTC);
        String cursor = checkpoint.cursor();
        if (cursor == null) {
            return startOf(day);
        }
        int hash = cursor.lastIndexOf('#');
        if (hash <= 0) {
            throw new IllegalStateException(
                    "change-file checkpoint cursor is malformed: '" + cursor + "'");
        }
        long rows;
        try {
            rows = Long.parseLong(cursor.substring(hash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    "change-file checkpoint cursor is malformed: '" + cursor + "'", e);
        }
        boolean keyed = !checkpoint.highId().isEmpty();
        return new ChangeFilePosition(
                day,
                cursor.substring(0, hash),
                rows,
                keyed ? checkpoint.highAt() : null,
                checkpoint.highId());
    }

    /** The start of {@code filename} on the same day. */
    ChangeFilePosition atFile(String filename) {
        return new ChangeFilePosition(day, filename, 0, null, "");
    }

    /** After {@code row}, with {@code handled} rows of the current file handled. */
    ChangeFilePosition after(ChangeRow row, long handled) {
        return new ChangeFilePosition(day, file, handled, row.lastUpdateDate(), row.propertyId());
    }

    /**
     * Whether {@code row}, the {@code index}-th row (from 0) of the current file, was handled
     * already. Rows are in ({@code lastUpdateDate}, id) order, so a row at or before the last
     * handled one was handled, even when rows before it left the file since (a property changed
     * again on a later day moves to that day's file). Without dates, the count decides.
     */
    boolean handled(ChangeRow row, long index) {
        if (lastAt == null || row.lastUpdateDate() == null) {
            return index < rows;
        }
        ChangeRow last = new ChangeRow(row.kind(), lastId, lastAt);
        return ROW_ORDER.compare(row, last) <= 0;
    }

    /** This position as the checkpoint {@code name}, written at {@code now}. */
    SyncCheckpoint checkpoint(String name, Instant now) {
        return new SyncCheckpoint(
                name,
                day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                file == null ? null : file + "#" + rows,
                lastAt == null ? Instant.EPOCH : lastAt,
                lastAt == null ? "" : lastId,
                now);
    }

    /** For logs. */
    String describe() {
        return file == null ? day.toString() : day + ", " + file + " after " + rows + " rows";
    }
}
