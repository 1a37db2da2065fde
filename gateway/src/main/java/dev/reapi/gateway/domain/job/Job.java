package dev.reapi.gateway.domain.job;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One asynchronous job as its owner sees it.
 *
 * @param id the public id
 * @param userId the owner; nobody else sees or cancels it
 * @param type what it does
 * @param paramsJson its validated parameters as a JSON object
 * @param status where it is
 * @param progress how far the current attempt got
 * @param attempts attempts started so far in the current run
 * @param maxAttempts attempts allowed before the job is dead
 * @param run how many times the job was started from scratch (1, plus one per admin rerun)
 * @param callbackUrl where to POST the completion notification, overriding the owner's setting
 * @param createdAt when it was submitted
 * @param updatedAt when its row last changed
 * @param startedAt when the latest attempt started
 * @param finishedAt when it reached a final state
 * @param nextAttemptAt when a queued job is due
 * @param result what a succeeded job produced
 * @param error why the latest attempt failed, or why the job failed or died
 */
public record Job(
        JobId id,
        String userId,
        JobType type,
        String paramsJson,
        JobStatus status,
        JobProgress progress,
        int attempts,
        int maxAttempts,
        int run,
        Optional<String> callbackUrl,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        Optional<Instant> nextAttemptAt,
        Optional<JobResult> result,
        Optional<JobError> error) {

    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(paramsJson, "paramsJson");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(error, "error");
        if (attempts < 0 || maxAttempts < 1 || run < 1) {
            throw new IllegalArgumentException(
                    "job "
                            + id
                            + ": attempts must be >= 0, maxAttempts and run >= 1, were "
                            + attempts
                            + ", "
                            + maxAttempts
                            + ", "
                            + run);
        }
    }

    /**
     * A job just submitted: queued, due at {@code now}, no attempts yet.
     *
     * @param maxAttempts attempts allowed before it is dead
     */
    public static Job submitted(
            JobId id,
            String userId,
            JobType type,
            String paramsJson,
            int maxAttempts,
            Optional<String> callbackUrl,
            Instant now) {
        return new Job(
                id,
                userId,
                type,
                paramsJson,
                JobStatus.QUEUED,
                JobProgress.NONE,
                0,
                maxAttempts,
                1,
                callbackUrl,
                now,
                now,
                Optional.empty(),
                Optional.empty(),
                Optional.of(now),
                Optional.empty(),
                Optional.empty());
    }
}
