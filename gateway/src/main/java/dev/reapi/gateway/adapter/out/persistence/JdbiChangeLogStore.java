package dev.reapi.gateway.adapter.out.persistence;

import dev.reapi.gateway.application.port.out.ChangeLog;
import dev.reapi.gateway.application.port.out.ReplicaStore.ReplicatedProperty;
import dev.reapi.gateway.domain.notify.NewNotification;
import dev.reapi.gateway.domain.sync.ChangeSource;
import dev.reapi.gateway.domain.sync.PropertyChange;
import dev.reapi.gateway.domain.sync.TrackedField;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The change history ({@code property_changes}) and the transaction that writes it together with
 * {@code replica_properties}, {@code webhook_inbox} marks, {@code sync_checkpoints}, the watch
 * notifications in {@code outbox} and saved-search membership. On PostgreSQL the replica rows read
 * are locked ({@code FOR UPDATE}) and the rows found absent are inserted with {@code COPY}; SQLite
 * transactions hold the database's write lock from their start. A transaction that lost a race on a
 * unique index (two commits appending to one user's outbox at once, or inserting one new replica
 * row) is retried from the start. Thread-safe.
 */
public final class JdbiChangeLogStore implements ChangeLog {

    private static final String SELECT_ROWS =
            "SELECT property_id, payload, updated_at, fetched_at FROM replica_properties"
                    + " WHERE property_id IN (<ids>)";

    /** One array parameter instead of a list: one statement text, planned once per connection. */
    private static final String SELECT_ROWS_POSTGRES =
            "SELECT property_id, payload, updated_at, fetched_at FROM replica_properties"
                    + " WHERE property_id = ANY(CAST(:ids AS TEXT[])) FOR UPDATE";

    /**
     * The newest change of each tracked field of each stored row: one index probe per row and
     * field. A {@code GROUP BY} over the rows' changes read every change ever recorded for them, a
     * cost that grew with the history, inside the transaction that holds the rows (and on SQLite
     * the write lock every webhook insert waits for).
     */
    private static final String FIELD_VERSIONS = fieldVersions("r.property_id IN (<ids>)");

    private static final String FIELD_VERSIONS_POSTGRES =
            fieldVersions("r.property_id = ANY(CAST(:ids AS TEXT[]))");

    private static final String UPSERT_ROW =
            """
            INSERT INTO replica_properties (property_id, payload, updated_at, fetched_at)
            VALUES (:id, :payload, :updatedAt, :fetchedAt)
            ON CONFLICT (property_id) DO UPDATE
               SET payload = excluded.payload,
                   updated_at = excluded.updated_at,
                   fetched_at = excluded.fetched_at
             WHERE replica_properties.updated_at <= excluded.updated_at
            """;

    private static final String UPSERT_ROWS_POSTGRES =
            """
            INSERT INTO replica_properties (property_id, payload, updated_at, fetched_at)
            SELECT * FROM unnest(CAST(:ids AS TEXT[]), CAST(:payloads AS TEXT[]),
                                 CAST(:updatedAts AS TIMESTAMPTZ[]),
                                 CAST(:fetchedAts AS TIMESTAMPTZ[]))
            ON CONFLICT (property_id) DO UPDATE
               SET payload = excluded.payload,
                   updated_at = excluded.updated_at,
                   fetched_at = excluded.fetched_at
             WHERE replica_properties.updated_at <= excluded.updated_at
            """;

    private static final String INSERT_CHANGE =
            """
            INSERT INTO property_changes
                (property_id, field, old_value, new_value, version, source, observed_at)
            VALUES (:propertyId, :field, :oldValue, :newValue, :version, :source, :observedAt)
            ON CONFLICT (property_id, field, new_value, version) DO NOTHING
            """;

    private static final String MARK_INBOX =
            "UPDATE webhook_inbox SET state = :state, applied_at = :at"
                    + " WHERE webhook_id = :id AND state = 'pending'";

    private static final String UPSERT_CHECKPOINT =
            """
            INSERT INTO sync_checkpoints (name, since, cursor, high_at, high_id, updated_at)
            VALUES (:name, :since, :cursor, :highAt, :highId, :updatedAt)
            ON CONFLICT (name) DO UPDATE
               SET since = excluded.since,
                   cursor = excluded.cursor,
                   high_at = excluded.high_at,
                   high_id = excluded.high_id,
                   updated_at = excluded.updated_at
            """;

    private static final String HISTORY =
            "SELECT property_id, field, old_value, new_value, version, source, observed_at"
                    + " FROM property_changes WHERE property_id = :id"
                    + " AND (:field = '' OR field = :field) ORDER BY version, id LIMIT :limit";

    private final Jdbi jdbi;
    private final boolean postgres;

    /** A change log in {@code database}, which must be migrated. */
    public JdbiChangeLogStore(Database database) {
        Objects.requireNonNull(database, "database");
        this.jdbi = database.jdbi();
        this.postgres = database.dialect() == Database.Dialect.POSTGRESQL;
    }

    @Override
    public Committed commit(
            Collection<String> propertyIds, Function<Map<String, Stored>, Writes> decide) {
        List<String> ids = List.copyOf(propertyIds);
        return JdbiOutboxStore.retryingOnConflict(
                jdbi,
                handle -> {
                    Map<String, Stored> stored = read(handle, ids);
                    Writes writes = decide.apply(stored);
                    int rows =
                            postgres
                                    ? writeRowsOnPostgres(
                                            handle, writes.replicaRows(), absent(ids, stored))
                                    : writeRows(handle, writes.replicaRows());
                    List<PropertyChange> recorded = record(handle, writes.changes());
                    mark(handle, writes.inboxMarks());
                    writes.checkpoint()
                            .ifPresent(
                                    c ->
                                            handle.createUpdate(UPSERT_CHECKPOINT)
                                                    .bind("name", c.name())
                                                    .bind("since", Timestamp.from(c.since()))
                                                    .bind("cursor", c.cursor())
                                                    .bind("highAt", Timestamp.from(c.highAt()))
                                                    .bind("highId", c.highId())
                                                    .bind(
                                                            "updatedAt",
                                                            Timestamp.from(c.updatedAt()))
                                                    .execute());
                    int notified =
                            writes.notifier()
                                    .map(n -> notify(handle, n, writes.replicaRows(), recorded))
                                    .orElse(0);
                    return new Committed(rows, recorded, notified);
                });
    }

    /**
     * Appends the notifications {@code notify} decides for what this transaction wrote, and updates
     * saved-search membership.
     *
     * @return the outbox rows newly appended
     */
    private static int notify(
            Handle handle,
            Notify notify,
            List<ReplicatedProperty> rows,
            List<PropertyChange> recorded) {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.add(r.propertyId()));
        recorded.forEach(c -> ids.add(c.propertyId()));
        Watchers watchers = JdbiWatchStore.watchers(handle, ids);
        if (watchers.propertyWatches().isEmpty() && watchers.searches().isEmpty()) {
            return 0;
        }
        Notices notices = notify.decide(recorded, watchers);
        JdbiWatchStore.join(handle, notices.joined());
        JdbiWatchStore.leave(handle, notices.left());
        int appended = 0;
        for (NewNotification n : notices.notifications()) {
            boolean known =
                    handle.createQuery("SELECT COUNT(*) FROM outbox WHERE event_key = :key")
                                    .bind("key", n.eventKey())
                                    .mapTo(Integer.class)
                                    .one()
                            > 0;
            if (!known) {
                JdbiOutboxStore.insert(handle, n, notices.at());
                appended++;
            }
        }
        return appended;
    }

    @Override
    public List<PropertyChange> history(
            String propertyId, Optional<TrackedField> field, int limit) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(HISTORY)
                                .bind("id", propertyId)
                                .bind("field", field.map(TrackedField::wireName).orElse(""))
                                .bind("limit", limit)
                                .map(
                                        (rs, ctx) ->
                                                new PropertyChange(
                                                        rs.getString("property_id"),
                                                        TrackedField.fromWire(
                                                                rs.getString("field")),
                                                        rs.getString("old_value"),
                                                        rs.getString("new_value"),
                                                        rs.getTimestamp("version").toInstant(),
                                                        ChangeSource.fromWire(
                                                                rs.getString("source")),
                                                        rs.getTimestamp("observed_at").toInstant()))
                                .list());
    }

    private Map<String, Stored> read(Handle handle, List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, ReplicatedProperty> rows =
                byIds(handle, postgres ? SELECT_ROWS_POSTGRES : SELECT_ROWS, ids)
                        .map(
                                (rs, ctx) ->
                                        new ReplicatedProperty(
                                                rs.getString("property_id"),
                                                rs.getString("payload"),
                                                rs.getTimestamp("updated_at").toInstant(),
                                                rs.getTimestamp("fetched_at").toInstant()))
                        .stream()
                        .collect(Collectors.toMap(ReplicatedProperty::propertyId, r -> r));
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<TrackedField, Instant>> versions = new HashMap<>();
        byIds(
                        handle,
                        postgres ? FIELD_VERSIONS_POSTGRES : FIELD_VERSIONS,
                        List.copyOf(rows.keySet()))
                .map(
                        (rs, ctx) -> {
                            Timestamp version = rs.getTimestamp("version");
                            if (version != null) {
                                versions.computeIfAbsent(
                                                rs.getString("property_id"), k -> new HashMap<>())
                                        .put(
                                                TrackedField.fromWire(rs.getString("field")),
                                                version.toInstant());
                            }
                            return 0;
                        })
                .list();
        Map<String, Stored> stored = new HashMap<>();
        rows.forEach(
                (id, row) -> stored.put(id, new Stored(row, versions.getOrDefault(id, Map.of()))));
        return stored;
    }

    /** The field-versions query for the stored rows that {@code rowFilter} selects. */
    private static String fieldVersions(String rowFilter) {
        return "SELECT r.property_id, f.field, (SELECT MAX(c.version) FROM property_changes c"
                + " WHERE c.property_id = r.property_id AND c.field = f.field) AS version"
                + " FROM replica_properties r CROSS JOIN ("
                + Arrays.stream(TrackedField.values())
                        .map(field -> "SELECT '" + field.wireName() + "' AS field")
                        .collect(Collectors.joining(" UNION ALL "))
                + ") f WHERE "
                + rowFilter;
    }

    /** A query over {@code ids}: one array parameter on PostgreSQL, a list of them on SQLite. */
    private Query byIds(Handle handle, String sql, List<String> ids) {
        return PostgresArrays.bindIds(handle.createQuery(sql), postgres, ids);
    }

    /** The ids read that have no replica row. */
    private static Set<String> absent(List<String> ids, Map<String, Stored> stored) {
        Set<String> absent = new HashSet<>(ids);
        absent.removeAll(stored.keySet());
        return absent;
    }

    /**
     * PostgreSQL: the first row of each id in {@code absent} copied (the set is consumed), the
     * others upserted in one statement after them.
     */
    private static int writeRowsOnPostgres(
            Handle handle, List<ReplicatedProperty> rows, Set<String> absent) {
        List<ReplicatedProperty> copied = new ArrayList<>();
        List<ReplicatedProperty> upserted = new ArrayList<>();
        for (ReplicatedProperty row : rows) {
            (absent.remove(row.propertyId()) ? copied : upserted).add(row);
        }
        return PostgresReplicaCopy.insert(handle, copied) + writeRowsAtOnce(handle, upserted);
    }

    /**
     * PostgreSQL: every row in one statement over arrays, so a page of a batch sync is one round
     * trip and one plan instead of one statement per row.
     */
    private static int writeRowsAtOnce(Handle handle, List<ReplicatedProperty> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<String> ids = new ArrayList<>(rows.size());
        List<String> payloads = new ArrayList<>(rows.size());
        List<String> updatedAts = new ArrayList<>(rows.size());
        List<String> fetchedAts = new ArrayList<>(rows.size());
        for (ReplicatedProperty row : rows) {
            ids.add(row.propertyId());
            payloads.add(row.json());
            updatedAts.add(row.updatedAt().toString());
            fetchedAts.add(row.fetchedAt().toString());
        }
        return handle.createUpdate(UPSERT_ROWS_POSTGRES)
                .bind("ids", PostgresArrays.of(ids))
                .bind("payloads", PostgresArrays.of(payloads))
                .bind("updatedAts", PostgresArrays.of(updatedAts))
                .bind("fetchedAts", PostgresArrays.of(fetchedAts))
                .execute();
    }

    private static int writeRows(Handle handle, List<ReplicatedProperty> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        PreparedBatch batch = handle.prepareBatch(UPSERT_ROW);
        for (ReplicatedProperty row : rows) {
            batch.bind("id", row.propertyId())
                    .bind("payload", row.json())
                    .bind("updatedAt", Timestamp.from(row.updatedAt()))
                    .bind("fetchedAt", Timestamp.from(row.fetchedAt()))
                    .add();
        }
        int written = 0;
        for (int count : batch.execute()) {
            written += count > 0 ? 1 : 0;
        }
        return written;
    }

    /** One batch, so that a run of webhook events costs one round trip, not one per event. */
    private static void mark(Handle handle, List<InboxMark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(MARK_INBOX);
        for (InboxMark mark : marks) {
            batch.bind("state", mark.state().wireName())
                    .bind("at", Timestamp.from(mark.at()))
                    .bind("id", mark.webhookId())
                    .add();
        }
        batch.execute();
    }

    private static List<PropertyChange> record(Handle handle, List<PropertyChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        PreparedBatch batch = handle.prepareBatch(INSERT_CHANGE);
        for (PropertyChange c : changes) {
            batch.bind("propertyId", c.propertyId())
                    .bind("field", c.field().wireName())
                    .bind("oldValue", c.oldValue())
                    .bind("newValue", c.newValue())
                    .bind("version", Timestamp.from(c.version()))
                    .bind("source", c.source().wireName())
                    .bind("observedAt", Timestamp.from(c.observedAt()))
                    .add();
        }
        int[] counts = batch.execute();
        List<PropertyChange> recorded = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                recorded.add(changes.get(i));
            }
        }
        return recorded;
    }
}
