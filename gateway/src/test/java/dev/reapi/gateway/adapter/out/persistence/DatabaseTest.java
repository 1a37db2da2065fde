package dev.reapi.gateway.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

class DatabaseTest {

    @TempDir Path dir;
    private final TestDatabases databases = new TestDatabases();

    @AfterEach
    void closeDatabases() {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void open_freshDatabase_createsUsersAndKeysTables(Database.Dialect dialect) {
        Database database = databases.open(dialect, dir);

        List<String> versions =
                database.jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT version FROM flyway_schema_history"
                                                                + " WHERE success = TRUE ORDER BY"
                                                                + " installed_rank")
                                                .mapTo(String.class)
                                                .list());
        int rows =
                database.jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT COUNT(*) FROM users u JOIN api_keys"
                                                                + " k ON k.user_id = u.id")
                                                .mapTo(Integer.class)
                                                .one());

        assertThat(versions).startsWith("1");
        assertThat(rows).isZero();
        assertThat(database.dialect()).isEqualTo(dialect);
    }

    @Test
    void open_sqliteInMissingDirectory_createsDirectoryAndFile() {
        Path file = dir.resolve("nested").resolve("deeper").resolve("reapi.db");

        try (Database database = Database.open("jdbc:sqlite:" + file)) {
            assertThat(database.safeUrl()).isEqualTo("jdbc:sqlite:" + file);
        }

        assertThat(file).exists();
    }

    @Test
    void open_sqlite_appliesWalBusyTimeoutAndForeignKeys() throws SQLException {
        Database database = databases.open(Database.Dialect.SQLITE, dir);

        String journal = pragma(database, "journal_mode");
        String busyTimeout = pragma(database, "busy_timeout");
        String foreignKeys = pragma(database, "foreign_keys");

        assertThat(journal).isEqualToIgnoringCase("wal");
        assertThat(busyTimeout).isEqualTo(String.valueOf(Database.SQLITE_BUSY_TIMEOUT_MS));
        assertThat(foreignKeys).isEqualTo("1");
        assertThat(transactionMode(database)).isEqualTo(SQLiteConfig.TransactionMode.IMMEDIATE);
    }

    @Test
    void open_sqliteTwice_migratesOnlyOnce() {
        String url = "jdbc:sqlite:" + dir.resolve("reapi.db");
        int appliedFirst;
        try (Database first = Database.open(url)) {
            appliedFirst = historyRows(first);
        }

        int appliedSecond;
        try (Database second = Database.open(url)) {
            appliedSecond = historyRows(second);
        }

        assertThat(appliedSecond).isEqualTo(appliedFirst);
    }

    @Test
    void open_unreachablePostgres_failsWithOneLineNamingUrlWithoutPassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=s3cret";

        assertThatThrownBy(() -> Database.open(url))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith(
                        "database jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=***"
                                + " is unavailable: ")
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("\n")
                .hasCauseInstanceOf(RuntimeException.class);
    }

    @Test
    void open_sqliteUnderAFile_failsNamingTheDirectory() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> Database.open("jdbc:sqlite:" + blocker.resolve("reapi.db")))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("cannot create directory")
                .hasMessageContaining(blocker.toString());
    }

    @Test
    void open_unsupportedUrl_isRejectedNamingForms() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/x?password=p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite: or jdbc:postgresql:")
                .hasMessageNotContaining("password=p");
    }

    @Test
    void open_inMemorySqlite_isRejected() {
        assertThatThrownBy(() -> Database.open("jdbc:sqlite::memory:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an in-memory database");
    }

    @Test
    void mask_userInfoAndPasswordParameter_hidesPasswords() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://app:pw@db:5432/x?password=pw2&ssl=true"))
                .isEqualTo("jdbc:postgresql://app:***@db:5432/x?password=***&ssl=true");
    }

    private static int historyRows(Database database) {
        return database.jdbi()
                .withHandle(
                        h ->
                                h.createQuery("SELECT COUNT(*) FROM flyway_schema_history")
                                        .mapTo(Integer.class)
                                        .one());
    }

    private static SQLiteConfig.TransactionMode transactionMode(Database database)
            throws SQLException {
        return database.jdbi()
                .withHandle(
                        h ->
                                h.getConnection()
                                        .unwrap(SQLiteConnection.class)
                                        .getConnectionConfig()
                                        .getTransactionMode());
    }

    private static String pragma(Database database, String name) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("PRAGMA " + name).mapTo(String.class).one());
    }
}
