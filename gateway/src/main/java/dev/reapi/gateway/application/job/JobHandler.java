package dev.reapi.gateway.application.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.gateway.domain.job.JobResult;
import dev.reapi.gateway.domain.job.JobType;
import java.util.List;

/**
 * Does the work of one job type. Implementations are stateless and thread-safe: one instance runs
 * many jobs at once.
 */
public interface JobHandler {

    /** The type this handler runs. */
    JobType type();

    /**
     * Checks and normalises submitted parameters before anything is stored.
     *
     * @param params the submitted {@code params} object (may be any JSON value)
     * @param problems receives one entry per invalid field, named {@code params.<field>}
     * @return the normalised parameters; ignored when problems were added
     */
    ObjectNode validate(JsonNode params, List<InvalidJobRequest.FieldProblem> problems);

    /**
     * Runs one attempt. Must be safe to run again from the start: an attempt cut short by a crash
     * or a transient failure is repeated.
     *
     * @return the result to store
     * @throws JobFailure for a failure with a known cause
     * @throws JobCancelledException when {@link JobContext#progress} finds the job cancelled
     * @throws InterruptedException when the worker is stopping
     */
    JobResult run(JobContext context) throws InterruptedException;
}
