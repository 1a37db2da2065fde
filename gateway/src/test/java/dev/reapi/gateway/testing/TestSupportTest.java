package dev.reapi.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class TestSupportTest {

    @Test
    void unavailable_locally_skipsWithTheMessage() {
        assertThatThrownBy(() -> ServiceGate.unavailable("start it", false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("start it");
    }

    @Test
    void unavailable_inCi_fails() {
        assertThatThrownBy(() -> ServiceGate.unavailable("start it", true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("start it")
                .hasMessageContaining("CI=true");
    }

    @Test
    @RequiresPostgres
    void requiresPostgres_schemaParameter_isTheConnectionsDefaultSchema(
            TestPostgres.PostgresSchema schema) throws Exception {
        try (var connection = DriverManager.getConnection(schema.jdbcUrl());
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE probe (id INT)");
            try (ResultSet rs =
                    statement.executeQuery(
                            "SELECT table_schema FROM information_schema.tables"
                                    + " WHERE table_name = 'probe'"
                                    + " AND table_schema = current_schema()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(schema.name());
            }
        }
    }

    @Test
    @RequiresRedis
    void requiresRedis_keyspaceParameter_isUnusedByOthers(TestRedis.RedisKeyspace keyspace) {
        RedisClient client = RedisClient.create(keyspace.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().set(keyspace.prefix() + "probe", "1");

            assertThat(connection.sync().keys(keyspace.prefix() + "*"))
                    .containsExactly(keyspace.prefix() + "probe");
        } finally {
            client.shutdown();
        }
    }
}
