package dev.reapi.gateway.application.port.out;

import dev.reapi.gateway.domain.job.ExportFormat;
import dev.reapi.gateway.domain.job.JobId;
import dev.reapi.gateway.domain.job.JobResult;
import java.util.List;
import java.util.Optional;

/**
 * Job results too large to keep in the database, as files of rows. Writing is idempotent: a rerun
 * of the same job replaces the file atomically. Implementations are thread-safe.
 */
public interface ResultFiles {

    /** Starts writing the result file of {@code job} in {@code format}. */
    Writer create(JobId job, ExportFormat format);

    /**
     * Reads up to {@code limit} rows starting at row {@code offset}.
     *
     * @return the rows, each already encoded in the file's format without line end, and the offset
     *     of the next page (empty at the end)
     */
    Page read(JobResult.File file, long offset, int limit);

    /** A file being written; {@link #commit} makes it visible, {@link #close} discards it. */
    interface Writer extends AutoCloseable {

        /**
         * Appends one row given as a JSON object; CSV files take the first row's keys as header.
         */
        void append(String jsonObject);

        /** Makes the file visible under its final name and describes it. */
        JobResult.File commit();

        @Override
        void close();
    }

    /**
     * One page of a result file.
     *
     * @param header the CSV header row, empty for NDJSON
     * @param rows the encoded rows
     * @param nextOffset where the next page starts, empty on the last page
     */
    record Page(Optional<String> header, List<String> rows, Optional<Long> nextOffset) {
        public Page {
            rows = List.copyOf(rows);
        }
    }
}
