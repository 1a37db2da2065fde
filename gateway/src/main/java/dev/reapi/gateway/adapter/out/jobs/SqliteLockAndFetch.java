package dev.reapi.gateway.adapter.out.jobs;

import com.github.kagkarlsson.scheduler.jdbc.JdbcTaskRepositoryContext;
import com.github.kagkarlsson.scheduler.jdbc.SqliteJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.Execution;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * db-scheduler's SQLite customisation plus lock-and-fetch that also starts the picked jobs: one
 * {@code UPDATE ... RETURNING} marks up to {@code limit} due executions picked and returns them,
 * and a second update in the same transaction moves their jobs to running with one more attempt
 * (see {@link PickedJobs}). db-scheduler's own SQLite support selects the due executions and then
 * picks each with an update of its own, and the job was started by yet another commit.
 *
 * <p>SQLite runs one write at a time, so no other writer, in this process or another, can pick the
 * same execution in between; no {@code SKIP LOCKED} is needed. Thread-safe.
 */
final class SqliteLockAndFetch extends SqliteJdbcCustomization {

    @Override
    public boolean supportsSingleStatementLockAndFetch() {
        return true;
    }

    @Override
    public List<Execution> lockAndFetchSingleStatement(
            JdbcTaskRepositoryContext ctx, Instant now, int limit, boolean orderByPriority) {
        List<String> unresolved = PickedJobs.unresolved(ctx);
        String sql =
                "UPDATE "
                        + ctx.tableName
                        + " SET picked = ?, picked_by = ?, last_heartbeat = ?,"
                        + " version = version + 1"
                        + " WHERE (task_name, task_instance) IN (SELECT task_name, task_instance"
                        + " FROM "
                        + ctx.tableName
                        + " WHERE picked = ? AND execution_time <= ?"
                        + PickedJobs.unresolvedCondition(unresolved.size())
                        + " ORDER BY "
                        + PickedJobs.order(orderByPriority)
                        + " LIMIT ?) RETURNING *";
        return ctx.jdbcRunner.inTransaction(
                runner -> {
                    List<Execution> picked =
                            runner.query(
                                    sql,
                                    statement -> {
                                        int i = 1;
                                        statement.setBoolean(i++, true);
                                        statement.setString(i++, PickedJobs.pickedBy(ctx));
                                        setInstant(statement, i++, now);
                                        statement.setBoolean(i++, false);
                                        setInstant(statement, i++, now);
                                        for (String taskName : unresolved) {
                                            statement.setString(i++, taskName);
                                        }
                                        statement.setInt(i, limit);
                                    },
                                    ctx.resultSetMapper.get());
                    startJobs(runner, picked, now);
                    return picked;
                });
    }

    private static void startJobs(
            com.github.kagkarlsson.shaded.jdbc.JdbcRunner runner,
            List<Execution> picked,
            Instant now) {
        List<String> jobIds = PickedJobs.jobIds(picked);
        if (jobIds.isEmpty()) {
            return;
        }
        runner.execute(
                PickedJobs.START_SET
                        + " WHERE id IN ("
                        + String.join(", ", Collections.nCopies(jobIds.size(), "?"))
                        + ") AND "
                        + PickedJobs.STARTABLE,
                statement -> {
                    int i = 1;
                    statement.setTimestamp(i++, Timestamp.from(now));
                    statement.setTimestamp(i++, Timestamp.from(now));
                    for (String id : jobIds) {
                        statement.setString(i++, id);
                    }
                });
    }
}
