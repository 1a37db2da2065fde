package dev.reapi.gateway.adapter.in.http;

import dev.reapi.gateway.application.job.JobService;
import dev.reapi.gateway.application.job.JobSettings;
import dev.reapi.gateway.application.notify.NotificationService;
import dev.reapi.gateway.application.notify.NotificationStreams;
import dev.reapi.gateway.application.port.out.ResultFiles;
import io.javalin.config.RoutesConfig;
import java.util.Objects;

/**
 * What the job and notification routes need, handed to {@link HttpServer} by the composition root.
 *
 * @param jobs the job use cases
 * @param files where file results are read from
 * @param settings links and limits of jobs
 * @param notifications the notification use cases
 * @param streams live notification feeds for server-sent events
 */
public record JobEndpoints(
        JobService jobs,
        ResultFiles files,
        JobSettings settings,
        NotificationService notifications,
        NotificationStreams streams) {

    public JobEndpoints {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(streams, "streams");
    }

    void register(RoutesConfig routes, Guard guard, JsonBodies bodies) {
        new JobRoutes(jobs, files, settings, guard, bodies).register(routes);
        new NotificationRoutes(notifications, streams, guard, bodies).register(routes);
    }
}
