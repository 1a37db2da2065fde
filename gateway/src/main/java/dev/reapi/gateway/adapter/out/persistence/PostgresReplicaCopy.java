package dev.reapi.gateway.adapter.out.persistence;

import dev.reapi.gateway.application.port.out.ReplicaStore.ReplicatedProperty;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.PGConnection;

/**
 * Inserts replica rows the transaction found absent with PostgreSQL's {@code COPY}, in its binary
 * format. COPY fills pages many rows at a time, which makes it about twice as fast as an {@code
 * INSERT} of the same rows, and the binary format needs no escaping of the JSON payloads. COPY has
 * no {@code ON CONFLICT}: a row another transaction inserted since it was found absent fails the
 * COPY with a unique violation, which fails the transaction, and the caller retries it from the
 * read. Stateless.
 */
final class PostgresReplicaCopy {

    private static final String COPY =
            "COPY replica_properties (property_id, payload, updated_at, fetched_at)"
                    + " FROM STDIN (FORMAT binary)";

    private static final byte[] SIGNATURE = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0
    };

    private static final short FIELDS = 4;

    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch for binary timestamps, in Unix seconds. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private PostgresReplicaCopy() {}

    /**
     * Copies {@code rows}, none of which may exist, in the transaction of {@code handle}.
     *
     * @return the rows inserted
     */
    static int insert(Handle handle, List<ReplicatedProperty> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        byte[] data = binary(rows);
        try {
            PGConnection connection = handle.getConnection().unwrap(PGConnection.class);
            return Math.toIntExact(
                    connection.getCopyAPI().copyIn(COPY, new ByteArrayInputStream(data)));
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(
                    "copying " + rows.size() + " replica rows failed", e, null);
        } catch (IOException e) {
            throw new UncheckedIOException("copying " + rows.size() + " replica rows failed", e);
        }
    }

    /** The rows in COPY's binary format: a header, then each row's fields with their lengths. */
    private static byte[] binary(List<ReplicatedProperty> rows) {
        var bytes = new ByteArrayOutputStream(rows.size() * 2048);
        try (var out = new DataOutputStream(bytes)) {
            out.write(SIGNATURE);
            out.writeInt(0);
            out.writeInt(0);
            for (ReplicatedProperty row : rows) {
                out.writeShort(FIELDS);
                text(out, row.propertyId());
                text(out, row.json());
                timestamp(out, row.updatedAt());
                timestamp(out, row.fetchedAt());
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen in memory", e);
        }
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** Microseconds since PostgreSQL's epoch, rounded half up as the driver rounds timestamps. */
    private static void timestamp(DataOutputStream out, Instant at) throws IOException {
        long seconds = at.getEpochSecond() - POSTGRES_EPOCH_SECONDS;
        long micros = Math.multiplyExact(seconds, 1_000_000L) + (at.getNano() + 500) / 1000;
        out.writeInt(Long.BYTES);
        out.writeLong(micros);
    }
}
