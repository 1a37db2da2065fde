package dev.reapi.gateway.application.job;

import java.time.Instant;
import java.util.Objects;

/** What the engine should do with a job's execution after one attempt. */
public sealed interface AttemptOutcome {

    /**
     * The job needs no more executions: it is final, cancelled, or gone. Its execution is still
     * stored and the engine removes it.
     */
    record Done() implements AttemptOutcome {}

    /**
     * This attempt handed the job's final state to the store, which removes the execution in the
     * same transaction, so the engine has nothing left to write. That transaction may commit after
     * the engine sees this outcome; until then the execution stays picked.
     */
    record Finished() implements AttemptOutcome {}

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
