package dev.reapi.gateway.application.job;

import dev.reapi.gateway.domain.GatewayException;
import dev.reapi.gateway.domain.job.JobId;

/** Thrown inside a running job when it was cancelled (or finished elsewhere) meanwhile. */
public final class JobCancelledException extends GatewayException {

    private static final long serialVersionUID = 1L;

    /** Job {@code id} is no longer running. */
    public JobCancelledException(JobId id) {
        super("job " + id + " is no longer running; the attempt stops");
    }
}
