package dev.reapi.gateway.adapter.in.schedule;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.reapi.gateway.application.sync.ReplicaSync;
import dev.reapi.gateway.application.sync.SyncProgress;
import dev.reapi.gateway.application.sync.SyncStart;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recurring batch sync (the v1 feed or the v2 change files, whichever {@link ReplicaSync} it is
 * given) as a db-scheduler task, by default daily at 02:00 in the configured zone. A recurring task
 * has one execution row in {@code scheduled_tasks}, so however many gateway instances register it,
 * one runs it at a time; a run that dies with its instance is revived by another and resumes from
 * the checkpoint. Register {@link #task()} with the scheduler that already polls {@code
 * scheduled_tasks} (the job engine's), rather than starting a second one. Thread-safe.
 */
public final class BatchSyncSchedule {

    /** The task name in {@code scheduled_tasks}. */
    public static final String TASK_NAME = "reapi-batch-sync";

    /** The default time of day: 02:00. */
    public static final LocalTime DEFAULT_TIME = LocalTime.of(2, 0);

    private static final Logger LOG = LoggerFactory.getLogger(BatchSyncSchedule.class);

    private final RecurringTask<Void> task;
    private final Schedule schedule;

    /** A daily run of {@code sync} at {@code time} in {@code zone}, from the checkpoint. */
    public BatchSyncSchedule(ReplicaSync sync, ZoneId zone, LocalTime time) {
        Objects.requireNonNull(sync, "sync");
        this.schedule =
                Schedules.daily(
                        Objects.requireNonNull(zone, "zone"), Objects.requireNonNull(time, "time"));
        this.task =
                Tasks.recurring(TASK_NAME, schedule)
                        .onDeadExecutionRevive()
                        .execute(
                                (instance, context) -> {
                                    LOG.info("Scheduled batch sync starting ({})", instance);
                                    sync.run(SyncStart.resume(), SyncProgress.Listener.none());
                                });
    }

    /** The task to register with a scheduler ({@code SchedulerBuilder#startTasks}). */
    public RecurringTask<Void> task() {
        return task;
    }

    /** The schedule, for showing the next run. */
    public Schedule schedule() {
        return schedule;
    }
}
