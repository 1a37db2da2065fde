package dev.reapi.gateway.adapter.out.persistence;

import dev.reapi.gateway.application.port.out.ReplicaStore;
import java.sql.Timestamp;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The replica in the gateway's database ({@code replica_properties}). An upsert replaces the stored
 * version only when it is not older by upstream {@code updated_at}, so a slow read can never
 * overwrite a newer webhook or sync update. Thread-safe.
 */
public final class JdbiReplicaStore implements ReplicaStore {

    private static final String UPSERT =
            """
            INSERT INTO replica_properties (property_id, payload, updated_at, fetched_at)
            VALUES (:id, :payload, :updatedAt, :fetchedAt)
            ON CONFLICT (property_id) DO UPDATE
               SET payload = excluded.payload,
                   updated_at = excluded.updated_at,
                   fetched_at = excluded.fetched_at
             WHERE replica_properties.updated_at <= excluded.updated_at
            """;

    private static final String FIND =
            "SELECT property_id, payload, updated_at, fetched_at FROM replica_properties"
                    + " WHERE property_id = :id";

    private final Jdbi jdbi;

    /** A replica in {@code database}, which must be migrated. */
    public JdbiReplicaStore(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    }

    @Override
    public boolean upsert(ReplicatedProperty property) {
        return upsertAll(List.of(property)) > 0;
    }

    @Override
    public int upsertAll(List<ReplicatedProperty> properties) {
        if (properties.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(
                handle -> {
                    PreparedBatch batch = handle.prepareBatch(UPSERT);
                    for (ReplicatedProperty property : properties) {
                        batch.bind("id", property.propertyId())
                                .bind("payload", property.json())
                                .bind("updatedAt", Timestamp.from(property.updatedAt()))
                                .bind("fetchedAt", Timestamp.from(property.fetchedAt()))
                                .add();
                    }
                    int stored = 0;
                    for (int rows : batch.execute()) {
                        stored += rows > 0 ? 1 : 0;
                    }
                    return stored;
                });
    }

    @Override
    public Optional<ReplicatedProperty> find(String propertyId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(FIND)
                                .bind("id", propertyId)
                                .map(
                                        (rs, ctx) ->
                                                new ReplicatedProperty(
                                                        rs.getString("property_id"),
                                                        rs.getString("payload"),
                                                        rs.getTimestamp("updated_at").toInstant(),
                                                        rs.getTimestamp("fetched_at").toInstant()))
                                .findOne());
    }
}
