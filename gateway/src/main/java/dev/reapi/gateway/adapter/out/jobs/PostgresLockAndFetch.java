package dev.reapi.gateway.adapter.out.jobs;

import com.github.kagkarlsson.scheduler.jdbc.JdbcTaskRepositoryContext;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.Execution;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.postgresql.PGStatement;

/**
 * db-scheduler's PostgreSQL lock-and-fetch, whose one statement also starts the jobs of the
 * executions it picks (see {@link PickedJobs}), so that starting an attempt costs no commit of its
 * own.
 *
 * <p>The statement locks execution rows, then job rows. Cancelling a job takes the same order
 * (execution first), so the two cannot deadlock.
 *
 * <p>The statement is planned afresh each time it runs, never from a plan the connection cached.
 * The job tables start empty, and until PostgreSQL analyzes them (never, with autovacuum off) a
 * cached plan keeps the joins it chose for an empty table: sequential scans of every job and
 * execution row in each pick, so that picking slowed down as jobs accumulated. A fresh plan sees
 * the tables' current size and uses their keys; planning it costs about a tenth of a millisecond.
 * Thread-safe.
 */
final class PostgresLockAndFetch extends PostgreSqlJdbcCustomization {

    PostgresLockAndFetch() {
        // What db-scheduler's own detection picks for PostgreSQL with the builder's defaults.
        super(false, false);
    }

    @Override
    public boolean supportsSingleStatementLockAndFetch() {
        return true;
    }

    @Override
    public List<Execution> lockAndFetchSingleStatement(
            JdbcTaskRepositoryContext ctx, Instant now, int limit, boolean orderByPriority) {
        List<String> unresolved = PickedJobs.unresolved(ctx);
        String sql =
                "WITH locked AS (UPDATE "
                        + ctx.tableName
                        + " st1 SET picked = ?, picked_by = ?, last_heartbeat = ?,"
                        + " version = version + 1"
                        + " WHERE (st1.task_name, st1.task_instance) IN"
                        + " (SELECT st2.task_name, st2.task_instance FROM "
                        + ctx.tableName
                        + " st2 WHERE picked = ? AND execution_time <= ?"
                        + PickedJobs.unresolvedCondition(unresolved.size())
                        + " ORDER BY "
                        + PickedJobs.order(orderByPriority)
                        + " LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING st1.*),"
                        + " started AS ("
                        + PickedJobs.START_SET
                        + " FROM locked WHERE locked.task_name = ?"
                        + " AND jobs.id = locked.task_instance AND jobs."
                        + PickedJobs.STARTABLE
                        + ")"
                        + " SELECT * FROM locked";
        return ctx.jdbcRunner.query(
                sql,
                statement -> {
                    // 0: pgjdbc never turns this statement into a server-side prepared one.
                    statement.unwrap(PGStatement.class).setPrepareThreshold(0);
                    int i = 1;
                    statement.setBoolean(i++, true);
                    statement.setString(i++, PickedJobs.pickedBy(ctx));
                    setInstant(statement, i++, now);
                    statement.setBoolean(i++, false);
                    setInstant(statement, i++, now);
                    for (String taskName : unresolved) {
                        statement.setString(i++, taskName);
                    }
                    statement.setInt(i++, limit);
                    statement.setTimestamp(i++, Timestamp.from(now));
                    statement.setTimestamp(i++, Timestamp.from(now));
                    statement.setString(i, DbSchedulerJobs.TASK_NAME);
                },
                ctx.resultSetMapper.get());
    }
}
