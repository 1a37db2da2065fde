package dev.reapi.gateway.application.job;

import java.time.Instant;
import java.util.Objects;

/** What the engine should do with a job's execution after one attempt. */
public sealed interface AttemptOutcome {

    /** The job needs no more executions: it is final, cancelled, or gone. */
    record Done() implements AttemptOutcome {}

    /**
     * The job is queued again for another attempt.
     *
     * @param dueAt when the next attempt is due
     */
    record RetryAt(Instant dueAt) implements AttemptOutcome {
        public RetryAt {
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }
}
