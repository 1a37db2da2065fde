package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.gateway.application.job.InvalidJobRequest;
import dev.reapi.gateway.application.job.JobService;
import dev.reapi.gateway.application.job.JobSettings;
import dev.reapi.gateway.application.port.out.IdempotencyConflict;
import dev.reapi.gateway.application.port.out.JobStore;
import dev.reapi.gateway.application.port.out.ResultFiles;
import dev.reapi.gateway.domain.job.Job;
import dev.reapi.gateway.domain.job.JobPage;
import dev.reapi.gateway.domain.job.JobResult;
import dev.reapi.gateway.domain.user.EndpointClass;
import dev.reapi.gateway.domain.user.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job API: submit, read, list, cancel, read results, and the admin rerun of a dead job. A job
 * owned by someone else answers 404, as if it did not exist. Thread-safe.
 */
final class JobRoutes {

    private static final int MAX_RESULT_PAGE = 10_000;

    private final JobService jobs;
    private final ResultFiles files;
    private final JobSettings settings;
    private final Guard guard;
    private final JsonBodies bodies;
    private final ObjectMapper mapper;

    JobRoutes(
            JobService jobs,
            ResultFiles files,
            JobSettings settings,
            Guard guard,
            JsonBodies bodies) {
        this.jobs = jobs;
        this.files = files;
        this.settings = settings;
        this.guard = guard;
        this.bodies = bodies;
        this.mapper = bodies.mapper();
    }

    /** Registers the routes under {@code /api/jobs} and {@code /api/admin/jobs}. */
    void register(RoutesConfig routes) {
        routes.post("/api/jobs", this::submit);
        routes.get("/api/jobs", this::list);
        routes.get("/api/jobs/{id}", this::get);
        routes.delete("/api/jobs/{id}", this::cancel);
        routes.get("/api/jobs/{id}/result", this::result);
        routes.post("/api/admin/jobs/{id}/rerun", this::rerun);
    }

    private void submit(Context ctx) {
        Principal principal = principal(ctx);
        guard.spend(ctx, EndpointClass.JOBS);
        JsonNode body = bodies.readObject(ctx);
        var command =
                new JobService.Submit(
                        principal.userId(),
                        body.path("type").asText(""),
                        body.path("params"),
                        text(body, "callback_url"),
                        Optional.ofNullable(ctx.header("Idempotency-Key")));
        JobStore.Submission submission;
        try {
            submission = jobs.submit(command);
        } catch (InvalidJobRequest e) {
            throw ProblemException.invalid(
                    e.problems().stream()
                            .map(p -> new Problem.FieldError(p.field(), p.message()))
                            .toList());
        } catch (IdempotencyConflict e) {
            conflict(ctx, e.getMessage());
            return;
        }
        Job job = submission.job();
        ctx.status(202);
        ctx.header("Location", "/api/jobs/" + job.id().value());
        ctx.json(view(job));
    }

    private void get(Context ctx) {
        ctx.json(view(owned(ctx)));
    }

    private void list(Context ctx) {
        Principal principal = principal(ctx);
        int limit = limit(ctx, 20, 100);
        JobPage page;
        try {
            page =
                    jobs.list(
                            principal.userId(),
                            Optional.ofNullable(ctx.queryParam("cursor")),
                            limit);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this gateway issued");
        }
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode items = answer.putArray("jobs");
        page.jobs().forEach(job -> items.add(view(job)));
        answer.put("next_cursor", page.nextCursor().orElse(null));
        ctx.json(answer);
    }

    private void cancel(Context ctx) {
        Principal principal = principal(ctx);
        String id = ctx.pathParam("id");
        if (!jobs.cancel(principal.userId(), id)) {
            Job job = owned(ctx);
            conflict(ctx, "job " + id + " is " + job.status().key() + " and cannot be cancelled");
            return;
        }
        ctx.json(view(owned(ctx)));
    }

    private void result(Context ctx) {
        Job job = owned(ctx);
        if (job.result().isEmpty()) {
            conflict(ctx, "job " + job.id() + " is " + job.status().key() + " and has no result");
            return;
        }
        switch (job.result().get()) {
            case JobResult.Inline inline ->
                    ctx.contentType("application/json").result(inline.json());
            case JobResult.File file -> page(ctx, job, file);
        }
    }

    private void page(Context ctx, Job job, JobResult.File file) {
        long offset = 0;
        String cursor = ctx.queryParam("cursor");
        if (cursor != null) {
            try {
                offset = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                offset = -1;
            }
            if (offset < 0) {
                throw ProblemException.invalid("cursor", "is not a cursor this gateway issued");
            }
        }
        ResultFiles.Page page = files.read(file, offset, limit(ctx, 1000, MAX_RESULT_PAGE));
        StringBuilder body = new StringBuilder();
        page.header().ifPresent(h -> body.append(h).append('\n'));
        page.rows().forEach(row -> body.append(row).append('\n'));
        page.nextOffset()
                .ifPresent(
                        next ->
                                ctx.header(
                                        "Link",
                                        "</api/jobs/"
                                                + job.id().value()
                                                + "/result?cursor="
                                                + next
                                                + ">; rel=\"next\""));
        ctx.header("X-Total-Rows", Long.toString(file.rows()));
        ctx.contentType(file.format().mediaType() + "; charset=utf-8").result(body.toString());
    }

    private void rerun(Context ctx) {
        guard.requireAdmin(ctx);
        String id = ctx.pathParam("id");
        Job job =
                jobs.getAny(id)
                        .orElseThrow(
                                () -> ProblemException.of(ProblemType.NOT_FOUND, "no job " + id));
        if (!jobs.rerun(id)) {
            conflict(ctx, "job " + id + " is " + job.status().key() + "; only dead jobs rerun");
            return;
        }
        ctx.status(202);
        ctx.json(view(jobs.getAny(id).orElseThrow()));
    }

    private Job owned(Context ctx) {
        String id = ctx.pathParam("id");
        return jobs.get(principal(ctx).userId(), id)
                .orElseThrow(() -> ProblemException.of(ProblemType.NOT_FOUND, "no job " + id));
    }

    private Principal principal(Context ctx) {
        return Guard.principal(ctx).orElseGet(() -> guard.authenticate(ctx));
    }

    private ObjectNode view(Job job) {
        ObjectNode node = mapper.createObjectNode();
        String self = settings.jobLink(job.id().value());
        node.put("job_id", job.id().value());
        node.put("type", job.type().key());
        node.put("status", job.status().key());
        node.set("params", readTree(job.paramsJson()));
        node.putObject("progress")
                .put("done", job.progress().done())
                .put("total", job.progress().total());
        node.put("attempts", job.attempts());
        node.put("max_attempts", job.maxAttempts());
        node.put("created_at", job.createdAt().toString());
        node.put("updated_at", job.updatedAt().toString());
        job.startedAt().ifPresent(t -> node.put("started_at", t.toString()));
        job.finishedAt().ifPresent(t -> node.put("finished_at", t.toString()));
        job.nextAttemptAt().ifPresent(t -> node.put("next_attempt_at", t.toString()));
        job.callbackUrl().ifPresent(url -> node.put("callback_url", url));
        job.error()
                .ifPresent(
                        e ->
                                node.putObject("error")
                                        .put("code", e.code())
                                        .put("message", e.message()));
        job.result().ifPresent(result -> node.set("result", resultView(result, self)));
        ObjectNode links = node.putObject("links");
        links.put("self", self);
        if (job.result().isPresent()) {
            links.put("result", self + "/result");
        }
        return node;
    }

    private JsonNode resultView(JobResult result, String self) {
        return switch (result) {
            case JobResult.Inline inline -> readTree(inline.json());
            case JobResult.File file ->
                    mapper.createObjectNode()
                            .put("format", file.format().key())
                            .put("rows", file.rows())
                            .put("bytes", file.bytes())
                            .put("href", self + "/result");
        };
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(json);
        }
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ProblemException.invalid(field, "must be a string");
        }
        return Optional.of(value.asText());
    }

    static int limit(Context ctx, int fallback, int max) {
        String raw = ctx.queryParam("limit");
        if (raw == null) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Answered below like any other out-of-range value.
        }
        throw ProblemException.invalid("limit", "must be an integer from 1 to " + max);
    }

    /** A 409 problem; written here because conflicts are specific to jobs and notifications. */
    static void conflict(Context ctx, String detail) {
        ctx.status(409);
        ctx.contentType(Problem.CONTENT_TYPE);
        ctx.json(
                new Problem(
                        ProblemType.BASE + "conflict",
                        "Conflict",
                        409,
                        detail,
                        ctx.path(),
                        RequestContext.requestId(ctx),
                        List.of(),
                        Map.of()));
        ctx.contentType(Problem.CONTENT_TYPE);
    }
}
