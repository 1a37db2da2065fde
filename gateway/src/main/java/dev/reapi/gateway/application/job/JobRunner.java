package dev.reapi.gateway.application.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.gateway.application.port.out.JobStore;
import dev.reapi.gateway.application.port.out.ResultFiles;
import dev.reapi.gateway.application.port.out.UpstreamFailure;
import dev.reapi.gateway.application.port.out.UpstreamThrottle;
import dev.reapi.gateway.domain.job.ExportFormat;
import dev.reapi.gateway.domain.job.Job;
import dev.reapi.gateway.domain.job.JobError;
import dev.reapi.gateway.domain.job.JobId;
import dev.reapi.gateway.domain.job.JobProgress;
import dev.reapi.gateway.domain.job.JobResult;
import dev.reapi.gateway.domain.job.JobStatus;
import dev.reapi.gateway.domain.job.JobType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one attempt of a job: starts it, calls its handler, and stores the outcome.
 *
 * <p>A success, a permanent failure, or a transient failure on the last allowed attempt moves the
 * job to its final state and appends the owner's notification in the same transaction, which the
 * store commits after the attempt returns, so that the worker is free at once. Any other failure,
 * including an unexpected exception, queues the job again after the retry policy's delay. Because
 * every transition is conditional on the job still running, a repeated attempt after a crash, or an
 * attempt racing a cancel, finishes the job at most once.
 *
 * <p>Thread-safe.
 */
public final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final JobStore store;
    private final Map<JobType, JobHandler> handlers;
    private final ResultFiles files;
    private final UpstreamThrottle throttle;
    private final JobSettings settings;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final RandomGenerator random;

    /**
     * A runner.
     *
     * @param handlers one per job type that may be submitted
     * @param random jitter of retry delays; access is synchronised here
     */
    public JobRunner(
            JobStore store,
            Map<JobType, JobHandler> handlers,
            ResultFiles files,
            UpstreamThrottle throttle,
            JobSettings settings,
            ObjectMapper mapper,
            Clock clock,
            RandomGenerator random) {
        this.store = Objects.requireNonNull(store, "store");
        this.handlers = Map.copyOf(handlers);
        this.files = Objects.requireNonNull(files, "files");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Runs one attempt of job {@code id}.
     *
     * @throws InterruptedException when the worker is stopping; the job stays running and is picked
     *     up again when the engine revives its execution
     */
    public AttemptOutcome runAttempt(JobId id) throws InterruptedException {
        Optional<Job> started = store.pickedAttempt(id);
        if (started.isEmpty()) {
            LOG.debug("job {}: not runnable any more, execution dropped", id);
            return new AttemptOutcome.Done();
        }
        Job job = started.get();
        LOG.info(
                "job {}: attempt {} of {} started ({})",
                id,
                job.attempts(),
                job.maxAttempts(),
                job.type().key());
        try {
            JobResult result = handler(job).run(new Context(job, params(job)));
            return finish(job, JobStatus.SUCCEEDED, Optional.of(result), Optional.empty());
        } catch (JobCancelledException e) {
            LOG.info("job {}: stopped, it was cancelled", id);
            return new AttemptOutcome.Done();
        } catch (JobFailure e) {
            return failed(job, e);
        } catch (UpstreamFailure e) {
            return failed(job, JobFailure.of(e));
        } catch (RuntimeException e) {
            LOG.warn("job {}: attempt {} failed unexpectedly", id, job.attempts(), e);
            return failed(
                    job,
                    JobFailure.transientFailure(
                            "internal_error", "the attempt failed unexpectedly: " + e, e));
        }
    }

    private JobHandler handler(Job job) {
        JobHandler handler = handlers.get(job.type());
        if (handler == null) {
            throw JobFailure.permanent(
                    "unsupported_type", "this gateway cannot run jobs of type " + job.type().key());
        }
        return handler;
    }

    private ObjectNode params(Job job) {
        try {
            return (ObjectNode) mapper.readTree(job.paramsJson());
        } catch (JsonProcessingException | ClassCastException e) {
            throw JobFailure.permanent("invalid_params", "stored parameters are unreadable: " + e);
        }
    }

    private AttemptOutcome failed(Job job, JobFailure failure) {
        JobError error = failure.toError();
        if (!failure.isTransient()) {
            LOG.info("job {}: failed permanently: {}", job.id(), error.code());
            return finish(job, JobStatus.FAILED, Optional.empty(), Optional.of(error));
        }
        if (job.attempts() >= job.maxAttempts()) {
            LOG.warn(
                    "job {}: dead after {} attempts, last error {}",
                    job.id(),
                    job.attempts(),
                    error.code());
            return finish(job, JobStatus.DEAD, Optional.empty(), Optional.of(error));
        }
        Duration delay;
        synchronized (random) {
            delay = settings.retry().delayAfter(job.attempts(), random.nextDouble());
        }
        Instant now = clock.instant();
        Instant due = now.plus(delay);
        store.retryLater(job.id(), error, due, now);
        LOG.info(
                "job {}: attempt {} failed ({}), retrying in {} ms",
                job.id(),
                job.attempts(),
                error.code(),
                delay.toMillis());
        return new AttemptOutcome.RetryAt(due);
    }

    /** Hands the final state to the store; the worker is free before it commits. */
    private AttemptOutcome finish(
            Job job, JobStatus status, Optional<JobResult> result, Optional<JobError> error) {
        Instant now = clock.instant();
        store.finish(
                job.id(),
                status,
                result,
                error,
                JobNotifications.completed(job, status, error, now, settings, mapper),
                now,
                changed -> {
                    if (changed) {
                        LOG.info("job {}: {}", job.id(), status.key());
                    } else {
                        LOG.info(
                                "job {}: was cancelled or finished elsewhere; outcome dropped",
                                job.id());
                    }
                });
        return new AttemptOutcome.Finished();
    }

    /**
     * Waits until the final states handed to the store so far are committed or failed.
     *
     * @return false when some were still pending after {@code timeout}
     */
    public boolean awaitFinishes(Duration timeout) throws InterruptedException {
        return store.awaitFinishes(timeout);
    }

    /** The context one attempt runs in. */
    private final class Context implements JobContext {

        private final Job job;
        private final ObjectNode params;

        Context(Job job, ObjectNode params) {
            this.job = job;
            this.params = params;
        }

        @Override
        public Job job() {
            return job;
        }

        @Override
        public ObjectNode params() {
            return params;
        }

        @Override
        public String requestId() {
            return job.id().value() + "-" + job.run() + "-" + job.attempts();
        }

        @Override
        public void progress(long done, long total) {
            if (!store.progress(job.id(), new JobProgress(done, total), clock.instant())) {
                throw new JobCancelledException(job.id());
            }
        }

        @Override
        public void throttle(int calls) throws InterruptedException {
            throttle.acquire(calls);
        }

        @Override
        public ResultFiles.Writer resultFile(ExportFormat format) {
            return files.create(job.id(), format);
        }

        @Override
        public JobResult inline(Object document) {
            String json;
            try {
                json = mapper.writeValueAsString(document);
            } catch (JsonProcessingException e) {
                throw JobFailure.permanent("result_unwritable", "the result is not JSON: " + e);
            }
            int bytes = json.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > settings.maxInlineResultBytes()) {
                throw JobFailure.permanent(
                        "result_too_large",
                        "the result is "
                                + bytes
                                + " bytes, above the limit of "
                                + settings.maxInlineResultBytes()
                                + "; use an export job for large results");
            }
            return new JobResult.Inline(json);
        }
    }
}
