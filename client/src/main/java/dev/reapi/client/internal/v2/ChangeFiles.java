package dev.reapi.client.internal.v2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reapi.client.ChangeFileExpiredException;
import dev.reapi.client.NotFoundException;
import dev.reapi.client.RealEstateApiException;
import dev.reapi.client.UnexpectedResponseException;
import dev.reapi.client.UpstreamUnavailableException;
import dev.reapi.client.internal.ClientCore;
import dev.reapi.client.internal.ResponseErrors;
import dev.reapi.client.model.ChangeFile;
import dev.reapi.client.model.ChangeRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The daily change files: their links from a ChangeFiles answer, and their rows read from the CSV
 * as a stream consumes them, never the whole file at once. Thread-safe.
 */
final class ChangeFiles {

    /** The operation name of a download in logs and exceptions. */
    static final String DOWNLOAD = "ChangeFileDownload";

    private static final ResponseErrors DOWNLOAD_ERRORS = V2Errors.downloads();

    private final ClientCore core;

    ChangeFiles(ClientCore core) {
        this.core = core;
    }

    /**
     * The links of a ChangeFiles answer.
     *
     * @throws NotFoundException when the upstream has no files for the day (yet)
     */
    static List<ChangeFile> links(LocalDate day, JsonNode data, String requestId)
            throws IOException {
        if (!data.path("success").asBoolean(false)) {
            String reason = data.path("reason").asText("no change files for " + day);
            throw new NotFoundException("ChangeFiles", 200, requestId, reason, null);
        }
        List<ChangeFile> files = new ArrayList<>();
        for (JsonNode file : data.path("files")) {
            String name = V2Json.reqText(file, "filename");
            files.add(
                    new ChangeFile(
                            day,
                            kind(name),
                            name,
                            file.path("size").asLong(0),
                            V2Json.reqText(file, "downloadUrl"),
                            V2Json.instant(file, "expiresAt")));
        }
        return files;
    }

    /** {@code YYYYMMDD_new.csv}, {@code _modify} or {@code _delete}. */
    private static ChangeFile.Kind kind(String filename) throws IOException {
        String name = filename.toLowerCase(Locale.ROOT);
        if (name.endsWith("_new.csv")) {
            return ChangeFile.Kind.NEW;
        }
        if (name.endsWith("_modify.csv")) {
            return ChangeFile.Kind.MODIFIED;
        }
        if (name.endsWith("_delete.csv")) {
            return ChangeFile.Kind.DELETED;
        }
        throw new IOException("unknown change file kind: '" + filename + "'");
    }

    /**
     * The rows of {@code file}, parsed as the stream is consumed. The download starts now, on the
     * caller's thread, so that an expired link fails here rather than inside the stream.
     *
     * @throws ChangeFileExpiredException when the link has expired or the host refuses it
     */
    Stream<ChangeRow> rows(ChangeFile file, String requestId) {
        Instant now = core.clock().instant();
        if (file.isExpiredAt(now)) {
            throw new ChangeFileExpiredException(
                    DOWNLOAD,
                    0,
                    requestId,
                    "the link to "
                            + file.filename()
                            + " expired at "
                            + file.expiresAt()
                            + "; request fresh links with changeFiles",
                    null);
        }
        InputStream body =
                core.download(DOWNLOAD, URI.create(file.downloadUrl()), requestId, DOWNLOAD_ERRORS);
        CsvReader csv = new CsvReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        Rows rows;
        try {
            rows = new Rows(file, csv, requestId);
        } catch (RuntimeException e) {
            closeQuietly(csv);
            throw e;
        }
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(
                                rows, Spliterator.ORDERED | Spliterator.NONNULL),
                        false)
                .onClose(() -> closeQuietly(csv));
    }

    private static void closeQuietly(CsvReader csv) {
        try {
            csv.close();
        } catch (IOException e) {
            // Nothing to do: the download is abandoned either way.
        }
    }

    /** Rows parsed one at a time; the header names the columns. */
    private static final class Rows implements Iterator<ChangeRow> {
        private final ChangeFile file;
        private final CsvReader csv;
        private final String requestId;
        private final int idColumn;
        private final int updatedColumn;
        private @Nullable ChangeRow next;

        Rows(ChangeFile file, CsvReader csv, String requestId) {
            this.file = file;
            this.csv = csv;
            this.requestId = requestId;
            List<String> header = read();
            if (header == null) {
                throw broken("the file is empty; expected a header line", null);
            }
            this.idColumn = indexOf(header, "id");
            this.updatedColumn = indexOf(header, "lastupdatedate");
            if (idColumn < 0) {
                throw broken("the header " + header + " has no id column", null);
            }
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                List<String> fields = read();
                if (fields == null) {
                    return false;
                }
                if (fields.size() == 1 && fields.get(0).isEmpty()) {
                    continue;
                }
                next = row(fields);
            }
            return true;
        }

        @Override
        public ChangeRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more rows in " + file.filename());
            }
            ChangeRow row = next;
            next = null;
            return row;
        }

        private ChangeRow row(List<String> fields) {
            if (fields.size() <= idColumn) {
                throw broken("record " + csv.recordNumber() + " has no id field", null);
            }
            try {
                long id = V2Ids.toWire("id", fields.get(idColumn).strip());
                Instant updated = null;
                if (updatedColumn >= 0 && updatedColumn < fields.size()) {
                    String text = fields.get(updatedColumn).strip();
                    updated = text.isEmpty() ? null : Instant.parse(text);
                }
                return new ChangeRow(file.kind(), V2Ids.toClient(id), updated);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw broken("record " + csv.recordNumber() + ": " + e.getMessage(), e);
            }
        }

        private @Nullable List<String> read() {
            try {
                return csv.next();
            } catch (IOException e) {
                throw new UpstreamUnavailableException(
                        DOWNLOAD,
                        0,
                        requestId,
                        "reading " + file.filename() + " failed: " + e.getMessage(),
                        e);
            }
        }

        private RealEstateApiException broken(String detail, @Nullable Throwable cause) {
            return new UnexpectedResponseException(
                    DOWNLOAD, 200, requestId, file.filename() + ": " + detail, cause);
        }

        private static int indexOf(List<String> header, String name) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
