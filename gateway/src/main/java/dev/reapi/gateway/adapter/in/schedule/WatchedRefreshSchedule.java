package dev.reapi.gateway.adapter.in.schedule;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.reapi.gateway.application.port.out.WatchedProperties;
import dev.reapi.gateway.application.sync.IncrementalSync;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes every watched property at a fixed delay, as a db-scheduler recurring task: one instance
 * of a cluster runs it at a time. A run that fails (the upstream is down) is logged and retried at
 * the next interval. Register {@link #task()} with the scheduler that polls {@code
 * scheduled_tasks}. Thread-safe.
 */
public final class WatchedRefreshSchedule {

    /** The task name in {@code scheduled_tasks}. */
    public static final String TASK_NAME = "reapi-watched-refresh";

    private static final Logger LOG = LoggerFactory.getLogger(WatchedRefreshSchedule.class);

    private final RecurringTask<Void> task;

    /** Refreshes {@code watched} through {@code sync} every {@code interval} (positive). */
    public WatchedRefreshSchedule(
            IncrementalSync sync, WatchedProperties watched, Duration interval) {
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(watched, "watched");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        this.task =
                Tasks.recurring(TASK_NAME, Schedules.fixedDelay(interval))
                        .execute(
                                (instance, context) -> {
                                    Set<String> ids = watched.watchedPropertyIds();
                                    if (ids.isEmpty()) {
                                        return;
                                    }
                                    var result =
                                            sync.refresh(ids, TASK_NAME + "-" + instance.getId());
                                    LOG.info(
                                            "Watched refresh: {} properties, {} missing upstream,"
                                                    + " {} changes",
                                            result.properties().size(),
                                            result.missing().size(),
                                            result.changes().size());
                                });
    }

    /** The task to register with a scheduler. */
    public RecurringTask<Void> task() {
        return task;
    }
}
