package dev.reapi.client.internal.v2;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 4180 CSV one record at a time, so that a file of any size needs memory for one record
 * only: fields separated by commas, optionally in double quotes, a quote inside quotes doubled,
 * records ended by CRLF or LF (also inside quotes, where they belong to the field). Not
 * thread-safe.
 */
final class CsvReader implements Closeable {

    private static final int END = -1;

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long record;

    /** Reads from {@code in}, through a buffer of its own. */
    CsvReader(Reader in) {
        this.in = in;
    }

    /** The number of records read so far (1 after the header). */
    long recordNumber() {
        return record;
    }

    /**
     * The next record's fields, or null at the end of the input. An empty line is a record with one
     * empty field.
     *
     * @throws IOException when reading fails or a quoted field is never closed
     */
    @Nullable List<String> next() throws IOException {
        int c = read();
        if (c == END) {
            return null;
        }
        record++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (c == '"' && field.isEmpty()) {
                c = quoted(field);
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == END) {
                fields.add(field.toString());
                return fields;
            } else if (c == '\r') {
                int after = read();
                if (after == '\n' || after == END) {
                    fields.add(field.toString());
                    return fields;
                }
                field.append('\r');
                c = after;
                continue;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    /** Reads a quoted field's content after its opening quote; returns the character after it. */
    private int quoted(StringBuilder field) throws IOException {
        while (true) {
            int c = read();
            if (c == END) {
                throw new IOException("record " + record + ": a quoted field is never closed");
            }
            if (c != '"') {
                field.append((char) c);
                continue;
            }
            int after = read();
            if (after != '"') {
                return after;
            }
            field.append('"');
        }
    }

    /** One character from the buffer, refilled in blocks: a call per character would be slow. */
    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return END;
            }
        }
        return buffer[position++];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
