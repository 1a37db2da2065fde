package dev.reapi.gateway.domain.job;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a job is in its life. {@code queued} and {@code running} are active; the others are final,
 * except that an admin may rerun a {@code dead} job.
 */
public enum JobStatus {
    /** Waiting for a worker, also between retries. */
    QUEUED,
    /** A worker is on it. */
    RUNNING,
    /** Finished with a result. */
    SUCCEEDED,
    /** Finished without a result for a reason retrying cannot fix, e.g. invalid parameters. */
    FAILED,
    /** Gave up after the configured number of attempts; kept for an admin to rerun. */
    DEAD,
    /** Cancelled by its owner before it finished. */
    CANCELLED;

    /** The name used in the API and the database, e.g. {@code succeeded}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether no worker will touch the job again (without an admin rerun). */
    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }

    /** Whether reaching this state tells the owner: succeeded, failed and dead do. */
    public boolean notifies() {
        return this == SUCCEEDED || this == FAILED || this == DEAD;
    }

    /** The status named {@code key}, if any. */
    public static Optional<JobStatus> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }
}
