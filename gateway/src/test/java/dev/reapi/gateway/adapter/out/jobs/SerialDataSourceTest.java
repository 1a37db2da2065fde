package dev.reapi.gateway.adapter.out.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.reapi.gateway.adapter.out.persistence.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialDataSourceTest {

    @TempDir Path dir;

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("reapi.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void getConnection_whileAnotherIsLent_waitsUntilItIsClosed() throws Exception {
        var serial = new SerialDataSource(database.dataSource(), Duration.ofSeconds(10));
        Connection first = serial.getConnection();

        CompletableFuture<Connection> second = CompletableFuture.supplyAsync(() -> take(serial));
        assertThat(second).isNotDone();
        first.close();

        await().atMost(Duration.ofSeconds(10)).until(second::isDone);
        try (Connection connection = second.join()) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    @Test
    void getConnection_heldPastTheTimeout_failsNamingTheWait() throws Exception {
        var serial = new SerialDataSource(database.dataSource(), Duration.ofMillis(50));

        try (Connection held = serial.getConnection()) {
            assertThat(held.isValid(1)).isTrue();
            assertThatThrownBy(serial::getConnection)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("within 50 ms");
        }
    }

    @Test
    void close_calledTwice_handsTheTurnOnOnce() throws Exception {
        var serial = new SerialDataSource(database.dataSource(), Duration.ofMillis(50));
        Connection first = serial.getConnection();
        first.close();
        first.close();

        try (Connection next = serial.getConnection()) {
            assertThat(next.isValid(1)).isTrue();
            assertThatThrownBy(serial::getConnection).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void over_sqlite_lendsOneConnectionAtATime() {
        assertThat(JobsDatabase.over(database).dataSource()).isInstanceOf(SerialDataSource.class);
    }

    private static Connection take(SerialDataSource serial) {
        try {
            return serial.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
