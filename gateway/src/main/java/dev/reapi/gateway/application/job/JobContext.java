package dev.reapi.gateway.application.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.gateway.application.port.out.ResultFiles;
import dev.reapi.gateway.domain.job.ExportFormat;
import dev.reapi.gateway.domain.job.Job;
import dev.reapi.gateway.domain.job.JobResult;

/** What a running attempt may use: its job, parameters, progress reporting and result files. */
public interface JobContext {

    /** The job as it was when the attempt started. */
    Job job();

    /** The job's validated parameters. */
    ObjectNode params();

    /** The id to send upstream with every call of this attempt, for matching logs. */
    String requestId();

    /**
     * Records progress and checks that the job is still wanted.
     *
     * @throws JobCancelledException when the job was cancelled meanwhile
     */
    void progress(long done, long total);

    /**
     * Waits for a share of the upstream budget reserved for jobs.
     *
     * @throws InterruptedException when the worker is stopping
     */
    void throttle(int calls) throws InterruptedException;

    /** Starts this job's result file; rerunning the job replaces it. */
    ResultFiles.Writer resultFile(ExportFormat format);

    /**
     * An inline result; a document larger than the configured limit fails the job permanently with
     * {@code result_too_large}.
     */
    JobResult inline(Object document);
}
