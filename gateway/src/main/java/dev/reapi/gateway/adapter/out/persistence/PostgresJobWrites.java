package dev.reapi.gateway.adapter.out.persistence;

import dev.reapi.gateway.domain.job.Job;
import dev.reapi.gateway.domain.job.JobError;
import dev.reapi.gateway.domain.job.JobId;
import dev.reapi.gateway.domain.job.JobResult;
import dev.reapi.gateway.domain.job.JobStatus;
import dev.reapi.gateway.domain.notify.DeliveryState;
import dev.reapi.gateway.domain.notify.NewNotification;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The job store's hot writes on PostgreSQL, each one statement: one round trip instead of a
 * statement per table. A statement's data-modifying {@code WITH} parts commit or roll back
 * together, with the rest of the caller's transaction.
 */
final class PostgresJobWrites {

    private static final String SUBMIT =
            """
            WITH job AS (
                INSERT INTO jobs (id, user_id, type, params, status, attempts, max_attempts, run,
                    callback_url, idempotency_key, fingerprint, created_at, updated_at,
                    next_attempt_at)
                VALUES (:id, :user, :type, :params, :status, 0, :max, 1, :callback, NULL,
                    :fingerprint, :now, :now, :now)
                RETURNING id)
            INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time,
                picked, version)
            SELECT CAST(:task AS TEXT), job.id, NULL, CAST(:due AS TIMESTAMPTZ), FALSE, 1
            FROM job
            """;

    /*
     * The counter row of the owner stays locked from the upsert to the commit; finishes that share
     * a transaction take it once.
     */
    private static final String FINISH =
            """
            WITH finished AS (
                UPDATE jobs SET status = :status, updated_at = :now, finished_at = :now,
                    next_attempt_at = NULL, result_json = :json, result_format = :format,
                    result_file = :file, result_rows = :rows, result_bytes = :bytes,
                    error_code = :code, error_message = :message
                WHERE id = :id AND status = 'running'
                RETURNING id, user_id),
            removed AS (
                DELETE FROM scheduled_tasks
                WHERE task_name = :task AND task_instance = :id
                    AND (EXISTS (SELECT 1 FROM finished)
                        OR NOT EXISTS (SELECT 1 FROM jobs WHERE id = :id
                            AND status IN ('queued', 'running')))),
            counter AS (
                INSERT INTO outbox_sequences (user_id, last_seq)
                SELECT user_id, 1 FROM finished
                ON CONFLICT (user_id) DO UPDATE SET last_seq = outbox_sequences.last_seq + 1
                RETURNING user_id, last_seq),
            target AS (
                SELECT COALESCE(CAST(:callback AS TEXT), (
                    SELECT NULLIF(w.callback_url, '') FROM webhook_targets w, counter c
                    WHERE w.user_id = c.user_id)) AS url)
            INSERT INTO outbox (user_id, seq, event_type, event_key, payload, callback_url, state,
                attempts, next_attempt_at, created_at)
            SELECT counter.user_id, counter.last_seq, CAST(:type AS TEXT), CAST(:key AS TEXT),
                CAST(:payload AS TEXT), target.url,
                CASE WHEN target.url IS NULL THEN :none ELSE :pending END, 0,
                CASE WHEN target.url IS NULL THEN NULL ELSE CAST(:now AS TIMESTAMPTZ) END,
                CAST(:now AS TIMESTAMPTZ)
            FROM counter, target
            RETURNING id
            """;

    private PostgresJobWrites() {}

    /** Inserts a job without an idempotency key and its due execution; one round trip. */
    static void submit(Handle handle, Job job, String fingerprint, String executionTaskName) {
        handle.createUpdate(SUBMIT)
                .bind("id", job.id().value())
                .bind("user", job.userId())
                .bind("type", job.type().key())
                .bind("params", job.paramsJson())
                .bind("status", job.status().key())
                .bind("max", job.maxAttempts())
                .bind("callback", job.callbackUrl().orElse(null))
                .bind("fingerprint", fingerprint)
                .bind("now", Timestamp.from(job.createdAt()))
                .bind("task", executionTaskName)
                .bind("due", job.createdAt().atOffset(ZoneOffset.UTC))
                .execute();
    }

    /**
     * Moves a running job to {@code status}, removes its execution and appends {@code
     * notification}; one round trip.
     *
     * @return false when the job was not running: nothing changed but the removal of the execution
     *     of a job that is final already
     */
    static boolean finish(
            Handle handle,
            JobId id,
            JobStatus status,
            Optional<JobResult> result,
            Optional<JobError> error,
            NewNotification notification,
            String executionTaskName,
            Instant now) {
        return JdbiJobStore.bindOutcome(handle.createQuery(FINISH), id, status, result, error, now)
                .bind("task", executionTaskName)
                .bind("callback", notification.callbackUrl().orElse(null))
                .bind("type", notification.eventType())
                .bind("key", notification.eventKey())
                .bind("payload", notification.payloadJson())
                .bind("none", DeliveryState.NONE.key())
                .bind("pending", DeliveryState.PENDING.key())
                .mapTo(Long.class)
                .findOne()
                .isPresent();
    }
}
