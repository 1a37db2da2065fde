package dev.reapi.gateway.adapter.out.persistence;

import dev.reapi.gateway.application.port.out.ReplicaStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The replica in the gateway's database ({@code replica_properties}); rows are written by {@link
 * JdbiChangeLogStore}. The marks of full syncs ({@code last_seen_at}, {@code deleted_at}) are
 * written here, each page's in its own statement, beside the change log's transaction: a page's ids
 * are marked before the page is applied, and a row written during the run counts as seen by its
 * {@code fetched_at}, so a crash between the two loses no mark. Thread-safe.
 */
public final class JdbiReplicaStore implements ReplicaStore {

    private static final String FIND =
            "SELECT property_id, payload, updated_at, fetched_at FROM replica_properties"
                    + " WHERE property_id = :id AND deleted_at IS NULL";

    private static final String DELETED_AT =
            "SELECT deleted_at FROM replica_properties WHERE property_id = :id";

    private static final String MARK_SEEN =
            "UPDATE replica_properties SET last_seen_at = :run, deleted_at = NULL"
                    + " WHERE property_id IN (<ids>)";

    /** A page's ids as one array parameter: one statement text, planned once per connection. */
    private static final String MARK_SEEN_POSTGRES =
            "UPDATE replica_properties SET last_seen_at = :run, deleted_at = NULL"
                    + " WHERE property_id = ANY(CAST(:ids AS TEXT[]))";

    private static final String UNSEEN =
            "SELECT property_id FROM replica_properties WHERE deleted_at IS NULL"
                    + " AND (last_seen_at IS NULL OR last_seen_at < :run) AND fetched_at < :run"
                    + " ORDER BY property_id LIMIT :limit";

    private static final String MARK_DELETED =
            "UPDATE replica_properties SET deleted_at = :at"
                    + " WHERE property_id IN (<ids>) AND deleted_at IS NULL";

    private static final String RUN_NAME = "batch";

    private final Jdbi jdbi;
    private final boolean postgres;

    /** A replica in {@code database}, which must be migrated. */
    public JdbiReplicaStore(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.postgres = database.dialect() == Database.Dialect.POSTGRESQL;
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

    @Override
    public Optional<Instant> deletedAt(String propertyId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(DELETED_AT)
                                .bind("id", propertyId)
                                .map((rs, ctx) -> Optional.ofNullable(rs.getTimestamp(1)))
                                .findOne()
                                .flatMap(t -> t.map(Timestamp::toInstant)));
    }

    @Override
    public void markSeen(Collection<String> propertyIds, Instant runStart) {
        if (propertyIds.isEmpty()) {
            return;
        }
        jdbi.useHandle(
                handle ->
                        PostgresArrays.bindIds(
                                        handle.createUpdate(
                                                        postgres ? MARK_SEEN_POSTGRES : MARK_SEEN)
                                                .bind("run", Timestamp.from(runStart)),
                                        postgres,
                                        propertyIds)
                                .execute());
    }

    @Override
    public List<String> unseen(Instant runStart, int limit) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(UNSEEN)
                                .bind("run", Timestamp.from(runStart))
                                .bind("limit", limit)
                                .mapTo(String.class)
                                .list());
    }

    @Override
    public void markDeleted(Collection<String> propertyIds, Instant at) {
        if (propertyIds.isEmpty()) {
            return;
        }
        jdbi.useHandle(
                handle ->
                        handle.createUpdate(MARK_DELETED)
                                .bind("at", Timestamp.from(at))
                                .bindList("ids", List.copyOf(propertyIds))
                                .execute());
    }

    @Override
    public Optional<Instant> fullRunStart() {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT started_at FROM sync_full_runs WHERE name = :name")
                                .bind("name", RUN_NAME)
                                .map((rs, ctx) -> rs.getTimestamp(1).toInstant())
                                .findOne());
    }

    @Override
    public void beginFullRun(Instant runStart) {
        jdbi.useHandle(
                handle ->
                        handle.createUpdate(
                                        "INSERT INTO sync_full_runs (name, started_at)"
                                                + " VALUES (:name, :at) ON CONFLICT (name)"
                                                + " DO UPDATE SET started_at = excluded.started_at")
                                .bind("name", RUN_NAME)
                                .bind("at", Timestamp.from(runStart))
                                .execute());
    }

    @Override
    public void endFullRun() {
        jdbi.useHandle(
                handle ->
                        handle.createUpdate("DELETE FROM sync_full_runs WHERE name = :name")
                                .bind("name", RUN_NAME)
                                .execute());
    }
}
