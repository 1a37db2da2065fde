package dev.reapi.gateway.adapter.out.persistence;

import dev.reapi.gateway.application.port.out.ReplicaStore.ReplicatedProperty;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

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
            CopyIn copy = connection.getCopyAPI().copyIn(COPY);
            try {
                copy.writeToCopy(data, 0, data.length);
                return Math.toIntExact(copy.endCopy());
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(
                    "copying " + rows.size() + " replica rows failed", e, null);
        }
    }

    /**
     * The rows in COPY's binary format: a header, then each row's fields with their lengths, in one
     * array of the exact size.
     */
    private static byte[] binary(List<ReplicatedProperty> rows) {
        List<byte[]> texts = new ArrayList<>(rows.size() * 2);
        int size = SIGNATURE.length + 2 * Integer.BYTES + Short.BYTES;
        for (ReplicatedProperty row : rows) {
            byte[] id = row.propertyId().getBytes(StandardCharsets.UTF_8);
            byte[] json = row.json().getBytes(StandardCharsets.UTF_8);
            texts.add(id);
            texts.add(json);
            size += Short.BYTES + 4 * Integer.BYTES + id.length + json.length + 2 * Long.BYTES;
        }
        ByteBuffer out = ByteBuffer.allocate(size).put(SIGNATURE).putInt(0).putInt(0);
        for (int i = 0; i < rows.size(); i++) {
            ReplicatedProperty row = rows.get(i);
            out.putShort(FIELDS);
            text(out, texts.get(2 * i));
            text(out, texts.get(2 * i + 1));
            timestamp(out, row.updatedAt());
            timestamp(out, row.fetchedAt());
        }
        return out.putShort((short) -1).array();
    }

    private static void text(ByteBuffer out, byte[] utf8) {
        out.putInt(utf8.length).put(utf8);
    }

    /** Microseconds since PostgreSQL's epoch, rounded half up as the driver rounds timestamps. */
    private static void timestamp(ByteBuffer out, Instant at) {
        long seconds = at.getEpochSecond() - POSTGRES_EPOCH_SECONDS;
        long micros = Math.multiplyExact(seconds, 1_000_000L) + (at.getNano() + 500) / 1000;
        out.putInt(Long.BYTES).putLong(micros);
    }
}
