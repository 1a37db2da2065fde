package dev.reapi.gateway.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The PostgreSQL that tests run against: {@code REAPI_TEST_POSTGRES_URL} (a JDBC URL with any
 * credentials in it), by default {@value #DEFAULT_URL}.
 *
 * <p>Use {@link #freshSchema()} directly when only some cases of a test need PostgreSQL (for
 * example a test parameterised over databases), or {@link RequiresPostgres} on a class or method.
 * Thread-safe.
 */
public final class TestPostgres {

    /** Where tests look for PostgreSQL when {@code REAPI_TEST_POSTGRES_URL} is not set. */
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static final String HOW_TO =
            "start PostgreSQL on 127.0.0.1:5432 with trust auth and a database 'test',"
                    + " or set REAPI_TEST_POSTGRES_URL to a JDBC URL";

    private static volatile Optional<String> unavailableReason;

    private TestPostgres() {}

    /** The JDBC URL of the test server's database. */
    public static String url() {
        String configured = System.getenv("REAPI_TEST_POSTGRES_URL");
        return configured == null || configured.isBlank() ? DEFAULT_URL : configured.strip();
    }

    /**
     * Why PostgreSQL cannot be used, with what to do about it; empty when it can. Probed once per
     * JVM.
     */
    public static synchronized Optional<String> unavailableReason() {
        if (unavailableReason == null) {
            unavailableReason = probe();
        }
        return unavailableReason;
    }

    /** Skips the calling test when PostgreSQL is unavailable, or fails it when {@code CI=true}. */
    public static void requireAvailable() {
        unavailableReason().ifPresent(ServiceGate::unavailable);
    }

    /**
     * A new, empty schema for one test, the default schema of connections opened with {@link
     * PostgresSchema#jdbcUrl()}; closing it drops the schema. Skips or fails like {@link
     * #requireAvailable()}.
     */
    public static PostgresSchema freshSchema() {
        requireAvailable();
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE SCHEMA " + name);
        String base = url();
        String jdbcUrl = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
        return new PostgresSchema(name, jdbcUrl);
    }

    static void execute(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL: " + sql + " failed: " + e, e);
        }
    }

    private static Connection connect() throws SQLException {
        var properties = new Properties();
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "3");
        return DriverManager.getConnection(url(), properties);
    }

    private static Optional<String> probe() {
        try (Connection connection = connect()) {
            return connection.isValid(2)
                    ? Optional.empty()
                    : Optional.of("PostgreSQL at " + masked() + " did not answer; " + HOW_TO);
        } catch (SQLException e) {
            String reason = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
            return Optional.of(
                    "PostgreSQL at " + masked() + " is unavailable (" + reason + "); " + HOW_TO);
        }
    }

    private static String masked() {
        return url().replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /**
     * One test's schema.
     *
     * @param name the schema's name, {@code t_} and 16 hex digits
     * @param jdbcUrl a URL whose connections use this schema by default
     */
    public record PostgresSchema(String name, String jdbcUrl) implements AutoCloseable {

        public PostgresSchema {
            if (!name.toLowerCase(Locale.ROOT).matches("t_[0-9a-f]{16}")) {
                throw new IllegalArgumentException(
                        "name must be t_ and 16 hex digits, was " + name);
            }
        }

        /** Drops the schema and everything in it. */
        @Override
        public void close() {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
