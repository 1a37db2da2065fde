package dev.reapi.bench.jobs;

import dev.reapi.gateway.application.port.out.JobStore;
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
import java.util.function.Supplier;

/**
 * The gateway's job store, unchanged, except that a committed final state is noted on the current
 * timeline: a job counts as complete once its result is stored, as a client polling it would see.
 * Thread-safe when the delegate is.
 */
final class FinishRecordingStore implements JobStore {

    private final JobStore delegate;
    private final Supplier<Timeline> timeline;

    FinishRecordingStore(JobStore delegate, Supplier<Timeline> timeline) {
        this.delegate = delegate;
        this.timeline = timeline;
    }

    @Override
    public Submission submit(Job job, Optional<String> idempotencyKey, String fingerprint) {
        return delegate.submit(job, idempotencyKey, fingerprint);
    }

    @Override
    public Optional<Job> find(JobId id) {
        return delegate.find(id);
    }

    @Override
    public JobPage list(String userId, Optional<String> cursor, int limit) {
        return delegate.list(userId, cursor, limit);
    }

    @Override
    public Optional<Job> pickedAttempt(JobId id) {
        return delegate.pickedAttempt(id);
    }

    @Override
    public boolean progress(JobId id, JobProgress progress, Instant now) {
        return delegate.progress(id, progress, now);
    }

    @Override
    public boolean retryLater(JobId id, JobError error, Instant dueAt, Instant now) {
        return delegate.retryLater(id, error, dueAt, now);
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
        delegate.finish(
                id,
                status,
                result,
                error,
                notification,
                now,
                changed -> {
                    if (changed) {
                        timeline.get().finished(System.nanoTime());
                    }
                    stored.accept(changed);
                });
    }

    @Override
    public boolean awaitFinishes(Duration timeout) throws InterruptedException {
        return delegate.awaitFinishes(timeout);
    }

    @Override
    public boolean cancel(JobId id, String userId, Instant now) {
        return delegate.cancel(id, userId, now);
    }

    @Override
    public boolean rerun(JobId id, Instant now) {
        return delegate.rerun(id, now);
    }
}
