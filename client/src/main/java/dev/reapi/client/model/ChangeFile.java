package dev.reapi.client.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One daily change file: a CSV of the properties added, modified or deleted on one day, behind a
 * download link that expires.
 *
 * @param day the day the changes happened
 * @param kind what the listed properties underwent
 * @param filename the file's name, e.g. {@code 20240115_modify.csv}
 * @param sizeBytes the file's size in bytes
 * @param downloadUrl the self-authenticating link; a plain GET, no API key
 * @param expiresAt when the link stops working; ask for fresh links after it
 */
public record ChangeFile(
        LocalDate day,
        Kind kind,
        String filename,
        long sizeBytes,
        String downloadUrl,
        Instant expiresAt) {

    /** Requires every member and a non-negative size. */
    public ChangeFile {
        Checks.notNull("day", day);
        Checks.notNull("kind", kind);
        Checks.notBlank("filename", filename);
        Checks.atLeast("size", sizeBytes, 0);
        Checks.notBlank("download_url", downloadUrl);
        Checks.notNull("expires_at", expiresAt);
    }

    /** Whether the link has expired at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** What happened to the properties a file lists. */
    public enum Kind {
        /** Properties added to the dataset that day. */
        NEW,
        /** Properties whose data changed that day. */
        MODIFIED,
        /** Properties removed from the dataset that day. */
        DELETED
    }
}
