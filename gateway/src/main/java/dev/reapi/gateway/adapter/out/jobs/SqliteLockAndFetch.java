package dev.reapi.gateway.adapter.out.jobs;

import com.github.kagkarlsson.scheduler.TaskResolver;
import com.github.kagkarlsson.scheduler.jdbc.JdbcTaskRepositoryContext;
import com.github.kagkarlsson.scheduler.jdbc.SqliteJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.Execution;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * db-scheduler's SQLite customisation plus lock-and-fetch: one {@code UPDATE ... RETURNING} marks
 * up to {@code limit} due executions picked and returns them, where db-scheduler's own SQLite
 * support selects the due executions and then picks each with an update of its own.
 *
 * <p>SQLite runs one write at a time, and all of a statement's changes happen when it first steps,
 * so no other writer, in this process or another, can pick the same execution in between; no {@code
 * SKIP LOCKED} is needed. Thread-safe.
 */
final class SqliteLockAndFetch extends SqliteJdbcCustomization {

    /** The length db-scheduler cuts {@code picked_by} to. */
    private static final int PICKED_BY_LENGTH = 50;

    @Override
    public boolean supportsSingleStatementLockAndFetch() {
        return true;
    }

    @Override
    public List<Execution> lockAndFetchSingleStatement(
            JdbcTaskRepositoryContext ctx, Instant now, int limit, boolean orderByPriority) {
        List<String> unresolved =
                ctx.taskResolver.getUnresolved().stream()
                        .map(TaskResolver.UnresolvedTask::getTaskName)
                        .toList();
        String order = orderByPriority ? "priority DESC, execution_time ASC" : "execution_time ASC";
        String sql =
                "UPDATE "
                        + ctx.tableName
                        + " SET picked = ?, picked_by = ?, last_heartbeat = ?,"
                        + " version = version + 1"
                        + " WHERE (task_name, task_instance) IN (SELECT task_name, task_instance"
                        + " FROM "
                        + ctx.tableName
                        + " WHERE picked = ? AND execution_time <= ?"
                        + unresolvedCondition(unresolved.size())
                        + " ORDER BY "
                        + order
                        + " LIMIT ?) RETURNING *";
        String pickedBy = ctx.schedulerName.getName();
        String shortPickedBy =
                pickedBy.length() > PICKED_BY_LENGTH
                        ? pickedBy.substring(0, PICKED_BY_LENGTH)
                        : pickedBy;
        return ctx.jdbcRunner.query(
                sql,
                statement -> {
                    int i = 1;
                    statement.setBoolean(i++, true);
                    statement.setString(i++, shortPickedBy);
                    setInstant(statement, i++, now);
                    statement.setBoolean(i++, false);
                    setInstant(statement, i++, now);
                    for (String taskName : unresolved) {
                        statement.setString(i++, taskName);
                    }
                    statement.setInt(i, limit);
                },
                ctx.resultSetMapper.get());
    }

    private static String unresolvedCondition(int count) {
        if (count == 0) {
            return "";
        }
        return " AND task_name NOT IN (" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }
}
