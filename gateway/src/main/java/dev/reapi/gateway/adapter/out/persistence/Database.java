package dev.reapi.gateway.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's database: a HikariCP pool over SQLite or PostgreSQL, migrated by Flyway on open,
 * exposed as a {@link Jdbi}.
 *
 * <p>SQLite (the default, {@value #DEFAULT_URL}) is opened in WAL mode with a busy timeout of
 * {@value #SQLITE_BUSY_TIMEOUT_MS} ms, foreign keys on, {@code synchronous=NORMAL}, and explicit
 * transactions started {@code IMMEDIATE}: a writing transaction takes SQLite's single write lock
 * when it begins and waits for it up to the busy timeout, instead of failing halfway with {@code
 * SQLITE_BUSY} when it upgrades from reading to writing. The pool holds {@value #SQLITE_POOL_SIZE}
 * connections: WAL lets readers run beside the one writer, so more than one connection pays off,
 * but writers queue on one lock whatever the pool size, so a large pool only adds waiting writers
 * and page caches. PostgreSQL gets a pool of {@value #POSTGRESQL_POOL_SIZE}.
 *
 * <p>Migrations live in {@code db/migration/sqlite} and {@code db/migration/postgresql}: the two
 * dialects store times and flags differently, and later tables will diverge further.
 *
 * <p>Thread-safe. Close it to close the pool.
 */
public final class Database implements AutoCloseable {

    /** The URL used when none is configured: a file under {@code ./data}. */
    public static final String DEFAULT_URL = "jdbc:sqlite:./data/reapi.db";

    static final int SQLITE_POOL_SIZE = 4;
    static final int SQLITE_BUSY_TIMEOUT_MS = 5000;
    static final int POSTGRESQL_POOL_SIZE = 10;
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** The SQL dialects the gateway supports. */
    public enum Dialect {
        SQLITE("db/migration/sqlite"),
        POSTGRESQL("db/migration/postgresql");

        private final String migrations;

        Dialect(String migrations) {
            this.migrations = migrations;
        }
    }

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final String safeUrl;

    private Database(HikariDataSource dataSource, Dialect dialect, String safeUrl) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.safeUrl = safeUrl;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * Opens and migrates the database at {@code jdbcUrl}; credentials, if any, are in the URL.
     *
     * @throws DatabaseUnavailableException when it cannot be reached or created
     * @throws DatabaseMigrationException when it is reachable but cannot be migrated
     */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, null, null);
    }

    /**
     * Opens and migrates the database at {@code jdbcUrl} as {@code user} with {@code password}
     * (either may be null to use the URL's or the driver's default).
     *
     * @throws DatabaseUnavailableException when it cannot be reached or created
     * @throws DatabaseMigrationException when it is reachable but cannot be migrated
     */
    public static Database open(String jdbcUrl, @Nullable String user, @Nullable String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Dialect dialect = JdbcUrls.dialect(jdbcUrl);
        String safeUrl = JdbcUrls.mask(jdbcUrl);
        if (dialect == Dialect.SQLITE) {
            // Each pooled connection to an in-memory database would see its own, empty one.
            Path file =
                    JdbcUrls.sqliteFile(jdbcUrl)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "database url must name a SQLite file, not an"
                                                            + " in-memory database, was "
                                                            + safeUrl));
            createParent(file, safeUrl);
        }

        HikariDataSource pool = connect(poolConfig(jdbcUrl, user, password, dialect), safeUrl);
        try {
            migrate(pool, dialect, safeUrl);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        LOG.info("Database {} open ({}, pool of {})", safeUrl, dialect, pool.getMaximumPoolSize());
        return new Database(pool, dialect, safeUrl);
    }

    /** The JDBI handle factory over the pool; thread-safe. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The pool itself, for libraries that take a {@link DataSource}. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Which SQL dialect this database speaks. */
    public Dialect dialect() {
        return dialect;
    }

    /** The JDBC URL with any password masked, safe to log. */
    public String safeUrl() {
        return safeUrl;
    }

    @Override
    public void close() {
        dataSource.close();
        LOG.info("Database {} closed", safeUrl);
    }

    private static HikariConfig poolConfig(
            String jdbcUrl, @Nullable String user, @Nullable String password, Dialect dialect) {
        var config = new HikariConfig();
        config.setPoolName("reapi-db");
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        if (dialect == Dialect.SQLITE) {
            config.setMaximumPoolSize(SQLITE_POOL_SIZE);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MS));
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else {
            config.setMaximumPoolSize(POSTGRESQL_POOL_SIZE);
            config.addDataSourceProperty(
                    "connectTimeout", String.valueOf(CONNECTION_TIMEOUT.toSeconds()));
        }
        return config;
    }

    private static HikariDataSource connect(HikariConfig config, String safeUrl) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            // Hikari reports a failed first connection as PoolInitializationException.
            throw new DatabaseUnavailableException(safeUrl, rootReason(e), e);
        }
    }

    private static void migrate(DataSource dataSource, Dialect dialect, String safeUrl) {
        try {
            MigrateResult result =
                    Flyway.configure()
                            .dataSource(dataSource)
                            .locations("classpath:" + dialect.migrations)
                            .load()
                            .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info(
                        "Database {} migrated to version {} ({} migrations applied)",
                        safeUrl,
                        result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new DatabaseMigrationException(safeUrl, rootReason(e), e);
        }
    }

    private static void createParent(Path file, String safeUrl) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new DatabaseUnavailableException(
                    safeUrl, "cannot create directory " + parent + ": " + e, e);
        }
    }

    /** The innermost cause's message on one line: drivers nest the useful part. */
    static String rootReason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = Optional.ofNullable(root.getMessage()).orElse(root.toString());
        return message.replaceAll("\\s+", " ").strip();
    }
}
