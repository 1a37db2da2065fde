package dev.reapi.gateway.application.port.out;

import dev.reapi.gateway.domain.job.Job;
import dev.reapi.gateway.domain.job.JobError;
import dev.reapi.gateway.domain.job.JobId;
import dev.reapi.gateway.domain.job.JobPage;
import dev.reapi.gateway.domain.job.JobProgress;
import dev.reapi.gateway.domain.job.JobResult;
import dev.reapi.gateway.domain.job.JobStatus;
import dev.reapi.gateway.domain.notify.NewNotification;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Durable job rows and their due executions. Every state change is conditional on the state the
 * caller expects, so a worker revived after a crash, or racing a cancel, cannot finish a job twice.
 * Implementations are thread-safe.
 */
public interface JobStore {

    /**
     * Persists a new job and its due execution in one transaction.
     *
     * <p>With an idempotency key, a second submission with the same key and the same request
     * fingerprint returns the first job instead of creating one; with another fingerprint it throws
     * {@link IdempotencyConflict}.
     *
     * @param idempotencyKey the caller's key, scoped to {@code job.userId()}
     * @param fingerprint a digest of the request body the key was used with
     * @return the stored job, and whether it was created by this call
     */
    Submission submit(Job job, Optional<String> idempotencyKey, String fingerprint);

    /** The job with this id, whoever owns it. */
    Optional<Job> find(JobId id);

    /**
     * One page of a user's jobs, newest first.
     *
     * @param cursor the {@code nextCursor} of the previous page, or empty for the first page
     * @param limit page size, 1 to 100
     */
    JobPage list(String userId, Optional<String> cursor, int limit);

    /**
     * The job whose execution the engine just picked. The engine starts the attempt in the
     * transaction that picks the execution: a queued job, or a running one whose worker died,
     * became running with one more attempt, counted before the handler runs.
     *
     * @return the job as running, or empty when it is not running any more (final or cancelled)
     */
    Optional<Job> pickedAttempt(JobId id);

    /** Records progress of a running job; false when the job is no longer running. */
    boolean progress(JobId id, JobProgress progress, Instant now);

    /** Puts a running job back in the queue until {@code dueAt}; false when not running. */
    boolean retryLater(JobId id, JobError error, Instant dueAt, Instant now);

    /**
     * Moves a running job to a final state, removes its execution and appends its notification, all
     * in one transaction, without waiting for it: the transaction is shared with other writes and
     * commits shortly after this returns, so that the worker can take its next job at once.
     *
     * <p>Until that commit the job stays running and its execution stays picked; a crash before it
     * leaves both, so the engine revives the execution and runs the job again, and the repeated
     * attempt finishes it once. When the job was no longer running (cancelled, or finished by
     * another worker), nothing changes but the removal of its leftover execution.
     *
     * @param status succeeded, failed or dead
     * @param notification appended only when the state change happened
     * @param stored called once the transaction committed: true when the job changed state, false
     *     when it was not running; not called when the write failed, which the store logs
     */
    void finish(
            JobId id,
            JobStatus status,
            Optional<JobResult> result,
            Optional<JobError> error,
            NewNotification notification,
            Instant now,
            Consumer<Boolean> stored);

    /**
     * Waits until every {@link #finish} called so far has committed or failed, e.g. before the
     * database is closed at shutdown.
     *
     * @return false when some were still pending after {@code timeout}
     */
    boolean awaitFinishes(Duration timeout) throws InterruptedException;

    /** Cancels a queued or running job of {@code userId}; false when there is none such. */
    boolean cancel(JobId id, String userId, Instant now);

    /**
     * Requeues a dead job from scratch (attempts reset, run incremented) with a due execution, in
     * one transaction; false when the job is not dead.
     */
    boolean rerun(JobId id, Instant now);

    /**
     * The outcome of {@link #submit}.
     *
     * @param job the stored job
     * @param created false when an earlier submission with the same key was returned
     */
    record Submission(Job job, boolean created) {}
}
