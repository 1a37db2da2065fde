package dev.reapi.gateway.adapter.out.jobs;

import dev.reapi.gateway.adapter.out.persistence.Database;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The connections the job engine and the job store use. On PostgreSQL they are the gateway's pool;
 * on SQLite they go through a {@link SerialDataSource}, so the job threads, which mostly write,
 * take turns in the JVM instead of sleeping in SQLite's busy handler.
 *
 * @param dataSource for db-scheduler
 * @param jdbi for the job store, over {@code dataSource}
 */
public record JobsDatabase(DataSource dataSource, Jdbi jdbi) {

    /** How long a job thread waits for its turn on SQLite: the database's own busy timeout. */
    static final Duration SQLITE_TURN_TIMEOUT = Duration.ofSeconds(5);

    public JobsDatabase {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(jdbi, "jdbi");
    }

    /** The job engine's view of {@code database}. */
    public static JobsDatabase over(Database database) {
        if (database.dialect() == Database.Dialect.SQLITE) {
            DataSource serial = new SerialDataSource(database.dataSource(), SQLITE_TURN_TIMEOUT);
            return new JobsDatabase(serial, Jdbi.create(serial));
        }
        return new JobsDatabase(database.dataSource(), database.jdbi());
    }
}
