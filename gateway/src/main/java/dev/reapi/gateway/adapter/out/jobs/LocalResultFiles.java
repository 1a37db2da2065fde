package dev.reapi.gateway.adapter.out.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.gateway.application.port.out.ResultFiles;
import dev.reapi.gateway.domain.GatewayException;
import dev.reapi.gateway.domain.job.ExportFormat;
import dev.reapi.gateway.domain.job.JobId;
import dev.reapi.gateway.domain.job.JobResult;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Result files under {@code <data dir>/job-results}, one per job: {@code <job id>.ndjson} or {@code
 * <job id>.csv}. A file is written to a temporary name and moved into place atomically, so a reader
 * never sees half a file and a rerun replaces it whole.
 *
 * <p>Pages are addressed by row offset; reading a page skips the rows before it, so paging is
 * linear in the file's size. CSV files carry a header row taken from the first row's keys; nested
 * values are written as JSON text. Thread-safe.
 */
public final class LocalResultFiles implements ResultFiles {

    private final Path directory;
    private final ObjectMapper mapper;

    /** Files under {@code directory}, created when missing. */
    public LocalResultFiles(Path directory, ObjectMapper mapper) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new GatewayException("cannot create result directory " + directory, e);
        }
    }

    @Override
    public Writer create(JobId job, ExportFormat format) {
        String name = job.value() + "." + format.key();
        try {
            Path temp = Files.createTempFile(directory, job.value(), ".part");
            return new FileWriter(temp, directory.resolve(name), format);
        } catch (IOException e) {
            throw new GatewayException("cannot create result file for job " + job, e);
        }
    }

    @Override
    public Page read(JobResult.File file, long offset, int limit) {
        Path path = directory.resolve(file.fileName());
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Optional<String> header =
                    file.format() == ExportFormat.CSV
                            ? Optional.ofNullable(reader.readLine())
                            : Optional.empty();
            for (long skipped = 0; skipped < offset; skipped++) {
                if (reader.readLine() == null) {
                    return new Page(header, List.of(), Optional.empty());
                }
            }
            List<String> rows = new ArrayList<>();
            String line;
            while (rows.size() < limit && (line = reader.readLine()) != null) {
                rows.add(line);
            }
            boolean more = rows.size() == limit && offset + limit < file.rows();
            return new Page(header, rows, more ? Optional.of(offset + limit) : Optional.empty());
        } catch (IOException e) {
            throw new GatewayException("cannot read result file " + file.fileName(), e);
        }
    }

    private final class FileWriter implements Writer {

        private final Path temp;
        private final Path target;
        private final ExportFormat format;
        private final BufferedWriter out;
        private List<String> columns = List.of();
        private long rows;
        private boolean committed;

        FileWriter(Path temp, Path target, ExportFormat format) throws IOException {
            this.temp = temp;
            this.target = target;
            this.format = format;
            this.out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
        }

        @Override
        public void append(String jsonObject) {
            try {
                if (format == ExportFormat.NDJSON) {
                    out.write(jsonObject.replace('\n', ' '));
                } else {
                    appendCsv(mapper.readTree(jsonObject));
                }
                out.write('\n');
                rows++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write result file " + target, e);
            }
        }

        private void appendCsv(JsonNode row) throws IOException {
            if (columns.isEmpty()) {
                List<String> names = new ArrayList<>();
                row.fieldNames().forEachRemaining(names::add);
                columns = List.copyOf(names);
                out.write(String.join(",", columns.stream().map(Csv::quote).toList()));
                out.write('\n');
            }
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                JsonNode value = row.get(column);
                cells.add(Csv.quote(cell(value)));
            }
            out.write(String.join(",", cells));
        }

        private String cell(JsonNode value) throws JsonProcessingException {
            if (value == null || value.isNull()) {
                return "";
            }
            return value.isValueNode() ? value.asText() : mapper.writeValueAsString(value);
        }

        @Override
        public JobResult.File commit() {
            try {
                out.close();
                Files.move(
                        temp,
                        target,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                committed = true;
                return new JobResult.File(
                        format, target.getFileName().toString(), rows, Files.size(target));
            } catch (IOException e) {
                throw new GatewayException("cannot commit result file " + target, e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
                if (!committed) {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot discard result file " + temp, e);
            }
        }
    }

    /** RFC 4180 quoting. */
    private static final class Csv {
        private Csv() {}

        static String quote(String value) {
            boolean plain =
                    value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
            return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
        }
    }
}
