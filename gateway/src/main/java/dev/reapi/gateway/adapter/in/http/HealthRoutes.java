package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.gateway.application.port.out.HealthCheck;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code /health} (liveness: 200 while the server answers) and {@code /health/ready} (one probe per
 * dependency, run in parallel): 503 when a required one is down, 200 with status {@code degraded}
 * when only optional ones are.
 */
final class HealthRoutes {

    private final List<HealthCheck> checks;
    private final ObjectMapper mapper;

    HealthRoutes(List<HealthCheck> checks, ObjectMapper mapper) {
        this.checks = List.copyOf(checks);
        this.mapper = mapper;
    }

    void register(RoutesConfig routes) {
        routes.get(
                "/health",
                ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result("{\"status\":\"ok\"}"));
        routes.get("/health/ready", this::ready);
    }

    private void ready(Context ctx) throws InterruptedException {
        List<HealthCheck.Result> results = probeAll();
        ObjectNode body = mapper.createObjectNode();
        ObjectNode byName = mapper.createObjectNode();
        boolean requiredDown = false;
        boolean optionalDown = false;
        for (int i = 0; i < checks.size(); i++) {
            HealthCheck check = checks.get(i);
            HealthCheck.Result result = results.get(i);
            ObjectNode node = byName.putObject(check.name());
            node.put("healthy", result.healthy());
            node.put("required", check.required());
            node.put("response_time_ms", result.responseTimeMs());
            if (!result.detail().isEmpty()) {
                node.put("detail", result.detail());
            }
            requiredDown |= !result.healthy() && check.required();
            optionalDown |= !result.healthy() && !check.required();
        }
        body.put("status", requiredDown ? "down" : optionalDown ? "degraded" : "ok");
        body.set("checks", byName);
        ctx.status(requiredDown ? 503 : 200)
                .contentType(ContentType.APPLICATION_JSON)
                .result(body.toString());
    }

    private List<HealthCheck.Result> probeAll() throws InterruptedException {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HealthCheck.Result>> futures = new ArrayList<>();
            for (HealthCheck check : checks) {
                futures.add(pool.submit(() -> probe(check)));
            }
            List<HealthCheck.Result> results = new ArrayList<>();
            for (Future<HealthCheck.Result> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    results.add(new HealthCheck.Result(false, 0, "probe failed"));
                }
            }
            return results;
        }
    }

    private static HealthCheck.Result probe(HealthCheck check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            // The port forbids throwing; a misbehaving check still must not fail the endpoint.
            return new HealthCheck.Result(false, 0, "probe threw " + e.getClass().getSimpleName());
        }
    }
}
