package dev.reapi.gateway.adapter.out.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.application.port.out.HealthCheck.Result;
import dev.reapi.gateway.testing.RedisServerProcess;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthChecksTest {

    @TempDir Path dir;

    @Test
    void database_open_isHealthy() {
        try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("reapi.db"))) {
            var check = new DatabaseHealthCheck(database.dataSource());

            Result result = check.check();

            assertThat(result.healthy()).isTrue();
            assertThat(result.detail()).isEmpty();
            assertThat(check.name()).isEqualTo("database");
            assertThat(check.required()).isTrue();
        }
    }

    @Test
    void database_closedPool_isUnhealthyWithReason() {
        Database database = Database.open("jdbc:sqlite:" + dir.resolve("reapi.db"));
        var check = new DatabaseHealthCheck(database.dataSource(), Duration.ofMillis(500));
        database.close();

        Result result = check.check();

        assertThat(result.healthy()).isFalse();
        assertThat(result.detail()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void probe_stuckAndDeafToInterrupts_isUnhealthyWithinBound() {
        var release = new CountDownLatch(1);

        Result result =
                Probes.run(
                        () -> {
                            while (release.getCount() > 0) {
                                try {
                                    release.await();
                                } catch (InterruptedException e) {
                                    // Deaf on purpose, like a driver stuck in a socket read.
                                }
                            }
                            return null;
                        },
                        Duration.ofMillis(100));
        release.countDown();

        assertThat(result.healthy()).isFalse();
        assertThat(result.detail()).isEqualTo("no answer within 100 ms");
        assertThat(result.responseTimeMs()).isLessThan(5_000);
    }

    @Test
    void probe_throwing_isUnhealthyWithTheInnermostReason() {
        Result result =
                Probes.run(
                        () -> {
                            throw new IllegalStateException(
                                    "outer", new java.io.IOException("disk\n gone"));
                        },
                        Duration.ofSeconds(1));

        assertThat(result.healthy()).isFalse();
        assertThat(result.detail()).isEqualTo("disk gone");
    }

    @Test
    void redis_runningThenStopped_turnsUnhealthy() {
        try (RedisServerProcess server = RedisServerProcess.start()) {
            RedisClient client = RedisClient.create(server.url());
            client.setOptions(
                    ClientOptions.builder()
                            .disconnectedBehavior(
                                    ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                            .build());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                var check = new RedisHealthCheck(connection, false, Duration.ofMillis(500));
                Result up = check.check();

                server.stop();
                Result down = check.check();

                assertThat(up.healthy()).isTrue();
                assertThat(down.healthy()).isFalse();
                assertThat(down.detail()).isNotBlank();
            } finally {
                client.shutdown();
            }
        }
    }
}
