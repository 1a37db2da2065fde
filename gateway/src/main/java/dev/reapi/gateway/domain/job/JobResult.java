package dev.reapi.gateway.domain.job;

import java.util.Objects;

/** What a succeeded job produced: a JSON document inline, or a file served in pages. */
public sealed interface JobResult {

    /**
     * A result small enough to store with the job.
     *
     * @param json the result document, at most the configured result limit in UTF-8 bytes
     */
    record Inline(String json) implements JobResult {
        public Inline {
            Objects.requireNonNull(json, "json");
        }
    }

    /**
     * A result written to a file under the data directory.
     *
     * @param format how the rows are encoded
     * @param fileName the file's name inside the job result directory
     * @param rows how many rows the file holds
     * @param bytes the file's size
     */
    record File(ExportFormat format, String fileName, long rows, long bytes) implements JobResult {
        public File {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(fileName, "fileName");
            if (!fileName.matches("[A-Za-z0-9_.-]{1,128}") || fileName.startsWith(".")) {
                throw new IllegalArgumentException(
                        "result file name must be a plain file name, was '" + fileName + "'");
            }
            if (rows < 0 || bytes < 0) {
                throw new IllegalArgumentException(
                        "rows and bytes must be >= 0, were " + rows + " and " + bytes);
            }
        }
    }
}
