package dev.reapi.gateway.adapter.out.persistence;

import dev.reapi.gateway.application.port.out.IdempotencyConflict;
import dev.reapi.gateway.application.port.out.JobStore;
import dev.reapi.gateway.domain.job.Job;
import dev.reapi.gateway.domain.job.JobError;
import dev.reapi.gateway.domain.job.JobId;
import dev.reapi.gateway.domain.job.JobPage;
import dev.reapi.gateway.domain.job.JobProgress;
import dev.reapi.gateway.domain.job.JobResult;
import dev.reapi.gateway.domain.job.JobStatus;
import dev.reapi.gateway.domain.notify.NewNotification;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs in the gateway's database, with their db-scheduler executions written in the same
 * transaction as the job row, and completion notifications in the same transaction as the final
 * state.
 *
 * <p>Every transition is a conditional {@code UPDATE} on the expected status, so a worker revived
 * after a crash, or one racing a cancel, changes nothing when it comes too late. The writes of
 * every job, submitting, starting an attempt and finishing, go through a {@link GroupCommit}:
 * concurrent ones share a commit; submitting and starting return once their own is durable, and
 * finishing returns at once, its commit reported later. Thread-safe.
 */
public final class JdbiJobStore implements JobStore {

    private static final String FINISH =
            """
            UPDATE jobs SET status = :status, updated_at = :now, finished_at = :now,
                next_attempt_at = NULL, result_json = :json, result_format = :format,
                result_file = :file, result_rows = :rows, result_bytes = :bytes,
                error_code = :code, error_message = :message
            WHERE id = :id AND status = 'running'
            """;

    private static final Logger LOG = LoggerFactory.getLogger(JdbiJobStore.class);

    private final Jdbi jdbi;
    private final GroupCommit hotWrites;
    private final Database.Dialect dialect;
    private final String executionTaskName;

    /**
     * A store over {@code jdbi}.
     *
     * @param dialect how db-scheduler stores times in this database
     * @param executionTaskName the db-scheduler task that runs jobs; one execution per job id
     */
    public JdbiJobStore(Jdbi jdbi, Database.Dialect dialect, String executionTaskName) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.hotWrites = new GroupCommit(jdbi);
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.executionTaskName = Objects.requireNonNull(executionTaskName, "executionTaskName");
    }

    @Override
    public Submission submit(Job job, Optional<String> idempotencyKey, String fingerprint) {
        if (idempotencyKey.isEmpty() && dialect == Database.Dialect.POSTGRESQL) {
            return hotWrites.write(
                    handle -> {
                        PostgresJobWrites.submit(handle, job, fingerprint, executionTaskName);
                        return new Submission(job, true);
                    });
        }
        return hotWrites.write(
                handle -> {
                    if (idempotencyKey.isPresent()) {
                        Optional<Submission> earlier =
                                earlierSubmission(
                                        handle, job.userId(), idempotencyKey.get(), fingerprint);
                        if (earlier.isPresent()) {
                            return earlier.get();
                        }
                    }
                    insertJob(handle, job, idempotencyKey, fingerprint);
                    insertExecution(handle, job.id(), job.createdAt());
                    return new Submission(job, true);
                });
    }

    private Optional<Submission> earlierSubmission(
            Handle handle, String userId, String key, String fingerprint) {
        Optional<String[]> row =
                handle.createQuery(
                                "SELECT id, fingerprint FROM jobs"
                                        + " WHERE user_id = :user AND idempotency_key = :key")
                        .bind("user", userId)
                        .bind("key", key)
                        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                        .findOne();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (!row.get()[1].equals(fingerprint)) {
            throw new IdempotencyConflict(userId, key, row.get()[0]);
        }
        return Optional.of(
                new Submission(
                        JobReads.find(handle, new JobId(row.get()[0])).orElseThrow(), false));
    }

    private static void insertJob(
            Handle handle, Job job, Optional<String> idempotencyKey, String fingerprint) {
        handle.createUpdate(
                        """
                        INSERT INTO jobs (id, user_id, type, params, status, attempts, max_attempts,
                            run, callback_url, idempotency_key, fingerprint, created_at, updated_at,
                            next_attempt_at)
                        VALUES (:id, :user, :type, :params, :status, 0, :max, 1, :callback, :key,
                            :fingerprint, :now, :now, :now)
                        """)
                .bind("id", job.id().value())
                .bind("user", job.userId())
                .bind("type", job.type().key())
                .bind("params", job.paramsJson())
                .bind("status", job.status().key())
                .bind("max", job.maxAttempts())
                .bind("callback", job.callbackUrl().orElse(null))
                .bind("key", idempotencyKey.orElse(null))
                .bind("fingerprint", fingerprint)
                .bind("now", Timestamp.from(job.createdAt()))
                .execute();
    }

    /** Replaces the job's db-scheduler execution row, in the caller's transaction. */
    private void scheduleExecution(Handle handle, JobId id, Instant dueAt) {
        deleteExecution(handle, id);
        insertExecution(handle, id, dueAt);
    }

    /** Writes db-scheduler's execution row as its own client would, but in our transaction. */
    private void insertExecution(Handle handle, JobId id, Instant dueAt) {
        handle.createUpdate(
                        """
                        INSERT INTO scheduled_tasks (task_name, task_instance, task_data,
                            execution_time, picked, version)
                        VALUES (:task, :id, NULL, :due, :picked, 1)
                        """)
                .bind("task", executionTaskName)
                .bind("id", id.value())
                .bind("due", schedulerTime(dueAt))
                .bind("picked", false)
                .execute();
    }

    private void deleteExecution(Handle handle, JobId id) {
        handle.createUpdate(
                        "DELETE FROM scheduled_tasks WHERE task_name = :task AND task_instance ="
                                + " :id")
                .bind("task", executionTaskName)
                .bind("id", id.value())
                .execute();
    }

    @Override
    public Optional<Job> find(JobId id) {
        return jdbi.withHandle(handle -> JobReads.find(handle, id));
    }

    @Override
    public JobPage list(String userId, Optional<String> cursor, int limit) {
        return JobReads.page(jdbi, userId, cursor, limit);
    }

    @Override
    public Optional<Job> pickedAttempt(JobId id) {
        return find(id).filter(job -> job.status() == JobStatus.RUNNING);
    }

    @Override
    public boolean progress(JobId id, JobProgress progress, Instant now) {
        return jdbi.withHandle(
                handle ->
                        handle.createUpdate(
                                                """
                                                UPDATE jobs SET progress_done = :done,
                                                    progress_total = :total, updated_at = :now
                                                WHERE id = :id AND status = 'running'
                                                """)
                                        .bind("id", id.value())
                                        .bind("done", progress.done())
                                        .bind("total", progress.total())
                                        .bind("now", Timestamp.from(now))
                                        .execute()
                                == 1);
    }

    @Override
    public boolean retryLater(JobId id, JobError error, Instant dueAt, Instant now) {
        return jdbi.withHandle(
                handle ->
                        handle.createUpdate(
                                                """
                                                UPDATE jobs SET status = 'queued',
                                                    updated_at = :now, next_attempt_at = :due,
                                                    error_code = :code,
                                                    error_message = :message
                                                WHERE id = :id AND status = 'running'
                                                """)
                                        .bind("id", id.value())
                                        .bind("due", Timestamp.from(dueAt))
                                        .bind("now", Timestamp.from(now))
                                        .bind("code", error.code())
                                        .bind("message", error.message())
                                        .execute()
                                == 1);
    }

    @Override
    public void finish(
            JobId id,
            JobStatus status,
            Optional<JobResult> result,
            Optional<JobError> error,
            NewNotification notification,
            Instant now,
            Consumer<Boolean> stored) {
        if (!status.notifies()) {
            throw new IllegalArgumentException(
                    "job "
                            + id
                            + " can only finish as succeeded, failed or dead, not "
                            + status.key());
        }
        hotWrites.writeLater(
                handle -> {
                    if (dialect == Database.Dialect.POSTGRESQL) {
                        return PostgresJobWrites.finish(
                                handle,
                                id,
                                status,
                                result,
                                error,
                                notification,
                                executionTaskName,
                                now);
                    }
                    int changed = finishUpdate(handle, id, status, result, error, now);
                    if (changed == 1) {
                        deleteExecution(handle, id);
                        JdbiOutboxStore.insert(handle, notification, now);
                    } else {
                        deleteLeftoverExecution(handle, id);
                    }
                    return changed == 1;
                },
                (changed, failure) -> {
                    if (changed != null) {
                        stored.accept(changed);
                    } else {
                        LOG.warn(
                                "job {}: final state {} not stored; the job runs again once its"
                                        + " execution counts as dead",
                                id,
                                status.key(),
                                failure);
                    }
                });
    }

    @Override
    public boolean awaitFinishes(Duration timeout) throws InterruptedException {
        return hotWrites.awaitIdle(timeout);
    }

    /** Deletes the execution of a job that is final already: nothing would run it any more. */
    private void deleteLeftoverExecution(Handle handle, JobId id) {
        handle.createUpdate(
                        """
                        DELETE FROM scheduled_tasks WHERE task_name = :task AND task_instance = :id
                            AND NOT EXISTS (SELECT 1 FROM jobs WHERE id = :id
                                AND status IN ('queued', 'running'))
                        """)
                .bind("task", executionTaskName)
                .bind("id", id.value())
                .execute();
    }

    private static int finishUpdate(
            Handle handle,
            JobId id,
            JobStatus status,
            Optional<JobResult> result,
            Optional<JobError> error,
            Instant now) {
        return bindOutcome(handle.createUpdate(FINISH), id, status, result, error, now).execute();
    }

    /**
     * Binds a finished job's id, status, time, result and error to the {@code :id, :status, :now,
     * :json, :format, :file, :rows, :bytes, :code, :message} parameters of {@code statement}.
     */
    static <S extends SqlStatement<S>> S bindOutcome(
            S statement,
            JobId id,
            JobStatus status,
            Optional<JobResult> result,
            Optional<JobError> error,
            Instant now) {
        Optional<JobResult.Inline> inline =
                result.filter(JobResult.Inline.class::isInstance).map(JobResult.Inline.class::cast);
        Optional<JobResult.File> file =
                result.filter(JobResult.File.class::isInstance).map(JobResult.File.class::cast);
        return statement
                .bind("id", id.value())
                .bind("status", status.key())
                .bind("now", Timestamp.from(now))
                .bind("json", inline.map(JobResult.Inline::json).orElse(null))
                .bind("format", file.map(f -> f.format().key()).orElse(null))
                .bind("file", file.map(JobResult.File::fileName).orElse(null))
                .bind("rows", file.map(JobResult.File::rows).orElse(null))
                .bind("bytes", file.map(JobResult.File::bytes).orElse(null))
                .bind("code", error.map(JobError::code).orElse(null))
                .bind("message", error.map(JobError::message).orElse(null));
    }

    @Override
    public boolean cancel(JobId id, String userId, Instant now) {
        return jdbi.inTransaction(
                handle -> {
                    // The execution first: the engine's pick locks executions before jobs, and
                    // the same order here rules out a deadlock with it. A picked execution belongs
                    // to a worker, which sees the cancel and stops.
                    handle.createUpdate(
                                    """
                                    DELETE FROM scheduled_tasks WHERE task_name = :task
                                        AND task_instance = :id AND picked = :picked
                                        AND EXISTS (SELECT 1 FROM jobs WHERE id = :id
                                            AND user_id = :user
                                            AND status IN ('queued', 'running'))
                                    """)
                            .bind("task", executionTaskName)
                            .bind("id", id.value())
                            .bind("user", userId)
                            .bind("picked", false)
                            .execute();
                    int changed =
                            handle.createUpdate(
                                            """
                                            UPDATE jobs SET status = 'cancelled', updated_at = :now,
                                                finished_at = :now, next_attempt_at = NULL
                                            WHERE id = :id AND user_id = :user
                                                AND status IN ('queued', 'running')
                                            """)
                                    .bind("id", id.value())
                                    .bind("user", userId)
                                    .bind("now", Timestamp.from(now))
                                    .execute();
                    return changed == 1;
                });
    }

    @Override
    public boolean rerun(JobId id, Instant now) {
        return jdbi.inTransaction(
                handle -> {
                    int changed =
                            handle.createUpdate(
                                            """
                                            UPDATE jobs SET status = 'queued', attempts = 0,
                                                run = run + 1, progress_done = 0,
                                                progress_total = 0,
                                                updated_at = :now, finished_at = NULL,
                                                started_at = NULL, next_attempt_at = :now,
                                                error_code = NULL, error_message = NULL
                                            WHERE id = :id AND status = 'dead'
                                            """)
                                    .bind("id", id.value())
                                    .bind("now", Timestamp.from(now))
                                    .execute();
                    if (changed == 1) {
                        scheduleExecution(handle, id, now);
                    }
                    return changed == 1;
                });
    }

    /** A time bound exactly as db-scheduler's own JDBC customisation for the dialect binds it. */
    private Argument schedulerTime(Instant instant) {
        if (dialect == Database.Dialect.SQLITE) {
            return (position, statement, ctx) ->
                    statement.setTimestamp(position, Timestamp.from(instant), utcCalendar());
        }
        return (position, statement, ctx) ->
                statement.setObject(position, instant.atOffset(ZoneOffset.UTC));
    }

    private static Calendar utcCalendar() {
        return Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
    }
}
