package dev.reapi.gateway.adapter.in.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.reapi.client.model.UpdatedPage;
import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiChangeLogStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiSyncCheckpointStore;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.sync.BatchSync;
import dev.reapi.gateway.application.sync.ChangeApplier;
import dev.reapi.gateway.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchSyncScheduleTest {

    @TempDir Path dir;

    @Test
    void task_registeredOnTwoInstances_hasOneExecutionAtTheNextLocalTwoAm() {
        var clock = new MutableClock(Instant.parse("2026-12-01T05:00:00Z"));
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("reapi.db"))) {
            var sync =
                    new BatchSync(
                            (since, cursor, limit) -> new UpdatedPage(List.of(), null),
                            new ChangeApplier(
                                    new JdbiChangeLogStore(db),
                                    JsonCodecs.propertyCodecs().property(),
                                    ChangeHook.none(),
                                    clock),
                            new JdbiSyncCheckpointStore(db),
                            BatchSync.Settings.defaults(),
                            clock,
                            new SimpleMeterRegistry());
            var schedule =
                    new BatchSyncSchedule(
                            sync, ZoneId.of("America/New_York"), BatchSyncSchedule.DEFAULT_TIME);
            Scheduler first = scheduler(db, schedule, clock);
            Scheduler second = scheduler(db, schedule, clock);
            first.start();
            second.start();
            first.stop();
            second.stop();

            List<Instant> due =
                    db.jdbi()
                            .withHandle(
                                    h ->
                                            h.createQuery(
                                                            "SELECT execution_time FROM"
                                                                    + " scheduled_tasks WHERE"
                                                                    + " task_name = :name")
                                                    .bind("name", BatchSyncSchedule.TASK_NAME)
                                                    .map(
                                                            (rs, ctx) ->
                                                                    rs.getTimestamp(1).toInstant())
                                                    .list());
            assertThat(due).containsExactly(Instant.parse("2026-12-01T07:00:00Z"));
            assertThat(LocalTime.of(2, 0)).isEqualTo(BatchSyncSchedule.DEFAULT_TIME);
        }
    }

    private static Scheduler scheduler(
            Database db, BatchSyncSchedule schedule, MutableClock clock) {
        return Scheduler.create(db.dataSource())
                .startTasks(schedule.task())
                .pollingInterval(Duration.ofSeconds(1))
                .shutdownMaxWait(Duration.ofSeconds(1))
                .clock(clock::instant)
                .build();
    }
}
