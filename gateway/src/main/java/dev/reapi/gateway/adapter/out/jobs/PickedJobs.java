package dev.reapi.gateway.adapter.out.jobs;

import com.github.kagkarlsson.scheduler.TaskResolver;
import com.github.kagkarlsson.scheduler.jdbc.JdbcTaskRepositoryContext;
import com.github.kagkarlsson.scheduler.task.Execution;
import java.util.Collections;
import java.util.List;

/**
 * What the lock-and-fetch customisations share. Picking a job's execution also starts its attempt,
 * in the same transaction: a queued job, or a running one whose worker died, becomes running with
 * one more attempt, so that an attempt is counted before its handler runs (a crash during it still
 * counts) without a commit of its own. A job that is final already is left as it is; its worker
 * finds it not running and drops the execution.
 */
final class PickedJobs {

    /** The start of the update that starts jobs; two time parameters follow, then the ids. */
    static final String START_SET =
            "UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = ?,"
                    + " updated_at = ?, next_attempt_at = NULL";

    /** The jobs {@link #START_SET} may start. */
    static final String STARTABLE = "status IN ('queued', 'running')";

    /** The length db-scheduler cuts {@code picked_by} to. */
    private static final int PICKED_BY_LENGTH = 50;

    private PickedJobs() {}

    /** The names of tasks this scheduler cannot run, whose executions it must not pick. */
    static List<String> unresolved(JdbcTaskRepositoryContext ctx) {
        return ctx.taskResolver.getUnresolved().stream()
                .map(TaskResolver.UnresolvedTask::getTaskName)
                .toList();
    }

    /** A condition leaving out {@code count} task names, each a parameter; empty for none. */
    static String unresolvedCondition(int count) {
        if (count == 0) {
            return "";
        }
        return " AND task_name NOT IN (" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    /** The order db-scheduler picks due executions in. */
    static String order(boolean byPriority) {
        return byPriority ? "priority DESC, execution_time ASC" : "execution_time ASC";
    }

    /** This scheduler's name as db-scheduler stores it in {@code picked_by}. */
    static String pickedBy(JdbcTaskRepositoryContext ctx) {
        String name = ctx.schedulerName.getName();
        return name.length() > PICKED_BY_LENGTH ? name.substring(0, PICKED_BY_LENGTH) : name;
    }

    /** The job ids among {@code picked}: the instances of the job task. */
    static List<String> jobIds(List<Execution> picked) {
        return picked.stream()
                .filter(e -> e.taskInstance.getTaskName().equals(DbSchedulerJobs.TASK_NAME))
                .map(e -> e.taskInstance.getId())
                .toList();
    }
}
