package dev.reapi.sandbox.http;

import dev.reapi.sandbox.data.Dataset;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every {@code /v1} route needs, and the one wrapper that applies authentication, query
 * checks, faults, quota and billing around a route's answer.
 */
final class Api {
    final Dataset data;
    final Stats stats;
    final FaultGate faults;
    final Clock clock;
    private final Set<String> apiKeys;

    Api(Dataset data, Stats stats, FaultGate faults, Clock clock, Set<String> apiKeys) {
        this.data = data;
        this.stats = stats;
        this.faults = faults;
        this.clock = clock;
        this.apiKeys = Set.copyOf(apiKeys);
    }

    /** A route's answer: the JSON body and how many records it bills. */
    record Answer(String json, long records) {}

    /** A {@code /v1} route body. */
    @FunctionalInterface
    interface Route {
        Answer answer(Context ctx) throws Exception;
    }

    io.javalin.http.Handler handler(String operation, Set<String> queryParams, Route route) {
        return ctx -> {
            String key = ctx.header("X-API-Key");
            boolean known = key != null && apiKeys.contains(key);
            stats.request(operation, known ? key : null);
            if (!known) {
                throw ApiProblem.of(
                        401,
                        "unauthorized",
                        "Unauthorized",
                        key == null
                                ? "The X-API-Key header is required."
                                : "The API key is not valid.");
            }
            faults.before(key);
            checkQuery(ctx, queryParams);
            Answer answer = route.answer(ctx);
            faults.charge(key, answer.records());
            stats.bill(operation, key, answer.records());
            ctx.status(200)
                    .contentType("application/json")
                    .result(answer.json().getBytes(StandardCharsets.UTF_8));
        };
    }

    private static void checkQuery(Context ctx, Set<String> allowed) {
        if (ctx.queryString() == null) {
            return;
        }
        Map<String, List<String>> params = ctx.queryParamMap();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw ApiProblem.badRequest(e.getKey(), "unknown query parameter");
            }
            if (e.getValue().size() > 1) {
                throw ApiProblem.badRequest(e.getKey(), "must be given once");
            }
        }
    }

    /** Whether {@code key} is one of the sandbox's API keys. */
    boolean knows(String key) {
        return apiKeys.contains(key);
    }

    int today() {
        return (int) LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toEpochDay();
    }
}
