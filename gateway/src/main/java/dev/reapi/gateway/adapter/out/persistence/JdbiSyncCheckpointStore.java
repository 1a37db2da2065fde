package dev.reapi.gateway.adapter.out.persistence;

import dev.reapi.gateway.application.port.out.SyncCheckpoints;
import dev.reapi.gateway.domain.sync.SyncCheckpoint;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads {@code sync_checkpoints}; {@link JdbiChangeLogStore} writes them with each page.
 * Thread-safe.
 */
public final class JdbiSyncCheckpointStore implements SyncCheckpoints {

    private static final String FIND =
            "SELECT name, since, cursor, high_at, high_id, updated_at FROM sync_checkpoints"
                    + " WHERE name = :name";

    private final Jdbi jdbi;

    /** Checkpoints in {@code database}, which must be migrated. */
    public JdbiSyncCheckpointStore(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    }

    @Override
    public Optional<SyncCheckpoint> find(String name) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(FIND)
                                .bind("name", name)
                                .map(
                                        (rs, ctx) ->
                                                new SyncCheckpoint(
                                                        rs.getString("name"),
                                                        rs.getTimestamp("since").toInstant(),
                                                        rs.getString("cursor"),
                                                        rs.getTimestamp("high_at").toInstant(),
                                                        rs.getString("high_id"),
                                                        rs.getTimestamp("updated_at").toInstant()))
                                .findOne());
    }
}
