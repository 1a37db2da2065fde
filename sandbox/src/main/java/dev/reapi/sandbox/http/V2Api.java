package dev.reapi.sandbox.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.jspecify.annotations.Nullable;

/**
 * The wrapper every {@code /v2} route runs in: the same keys, faults, rate limit, daily quota and
 * billing counters as {@code /v1}, with scopes on top and the vendor's envelope around the answer.
 * Thread-safe.
 */
final class V2Api {
    final Api api;
    final KeyScopes scopes;

    V2Api(Api api, KeyScopes scopes) {
        this.api = api;
        this.scopes = scopes;
    }

    /** A {@code /v2} route body. */
    @FunctionalInterface
    interface Route {
        V2Envelope.Answer answer(Context ctx, String apiKey) throws Exception;
    }

    /**
     * Wraps a route.
     *
     * @param operation the vendor's endpoint name, counted as {@code v2.<operation>}
     * @param scope the scope the key needs, or null when none is needed (key info, which is also
     *     answered when the daily quota is spent, so that a client can read its quota)
     */
    Handler handler(String operation, @Nullable String scope, Route route) {
        boolean metered = scope != null;
        String counted = "v2." + operation;
        return ctx -> {
            long start = api.clock.millis();
            String key = ctx.header("x-api-key");
            boolean known = key != null && api.knows(key);
            boolean live = known && scopes.of(key).live();
            try {
                api.stats.request(counted, known ? key : null);
                if (key == null || !known) {
                    throw V2Problem.of(
                            401, key == null ? "Missing x-api-key header" : "Invalid API key");
                }
                api.faults.before(key);
                if (scope != null && !scopes.of(key).scopes().contains(scope)) {
                    throw V2Problem.of(403, "This API key lacks the " + scope + " scope");
                }
                V2Envelope.Answer answer = route.answer(ctx, key);
                if (metered) {
                    api.faults.charge(key, answer.records());
                }
                api.stats.bill(counted, key, answer.records());
                V2Envelope.success(ctx, answer, live, api.clock.millis() - start);
            } catch (ApiProblem p) {
                V2Envelope.error(ctx, V2Problem.from(p), live, api.clock.millis() - start);
            } catch (V2Problem p) {
                V2Envelope.error(ctx, p, live, api.clock.millis() - start);
            }
        };
    }
}
