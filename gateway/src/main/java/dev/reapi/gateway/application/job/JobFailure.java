package dev.reapi.gateway.application.job;

import dev.reapi.gateway.application.port.out.UpstreamFailure;
import dev.reapi.gateway.domain.GatewayException;
import dev.reapi.gateway.domain.job.JobError;

/**
 * An attempt of a job failed. A transient failure is retried with backoff until the job's attempts
 * are used up; a permanent one fails the job at once.
 */
public final class JobFailure extends GatewayException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final boolean transientFailure;

    private JobFailure(String code, String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.transientFailure = transientFailure;
    }

    /** A failure that trying again later may fix. */
    public static JobFailure transientFailure(String code, String message, Throwable cause) {
        return new JobFailure(code, message, true, cause);
    }

    /** A failure that trying again cannot fix. */
    public static JobFailure permanent(String code, String message) {
        return new JobFailure(code, message, false, new IllegalArgumentException(message));
    }

    /** Classifies an upstream failure: unavailable and quota are transient, the rest permanent. */
    public static JobFailure of(UpstreamFailure failure) {
        String code = "upstream_" + failure.kind().name().toLowerCase(java.util.Locale.ROOT);
        boolean retry =
                failure.kind() == UpstreamFailure.Kind.UNAVAILABLE
                        || failure.kind() == UpstreamFailure.Kind.QUOTA;
        return new JobFailure(code, failure.getMessage(), retry, failure);
    }

    /** Whether another attempt may succeed. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** The error as shown to the job's owner. */
    public JobError toError() {
        return new JobError(code, getMessage());
    }
}
