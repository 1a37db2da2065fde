package dev.reapi.gateway.application.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.gateway.domain.job.Job;
import dev.reapi.gateway.domain.job.JobError;
import dev.reapi.gateway.domain.job.JobStatus;
import dev.reapi.gateway.domain.notify.NewNotification;
import java.time.Instant;
import java.util.Optional;

/** The notifications jobs produce: {@code job.succeeded}, {@code job.failed}, {@code job.dead}. */
final class JobNotifications {

    private JobNotifications() {}

    /**
     * The notification of a job reaching {@code status}. Its event key names the job and the run,
     * so a repeated attempt cannot notify twice but an admin rerun notifies again.
     */
    static NewNotification completed(
            Job job,
            JobStatus status,
            Optional<JobError> error,
            Instant now,
            JobSettings settings,
            ObjectMapper mapper) {
        ObjectNode payload = mapper.createObjectNode();
        payload.put("job_id", job.id().value());
        payload.put("type", job.type().key());
        payload.put("status", status.key());
        payload.put("attempts", job.attempts());
        payload.put("finished_at", now.toString());
        error.ifPresent(
                e -> payload.putObject("error").put("code", e.code()).put("message", e.message()));
        ObjectNode links = payload.putObject("links");
        links.put("self", settings.jobLink(job.id().value()));
        if (status == JobStatus.SUCCEEDED) {
            links.put("result", settings.jobLink(job.id().value()) + "/result");
        }
        return new NewNotification(
                job.userId(),
                "job." + status.key(),
                "job:" + job.id().value() + ":run-" + job.run(),
                payload.toString(),
                job.callbackUrl());
    }
}
