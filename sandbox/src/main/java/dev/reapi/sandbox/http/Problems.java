package dev.reapi.sandbox.http;

import io.javalin.http.Context;
import java.util.Map;

/** Renders {@link ApiProblem}s as {@code application/problem+json}. */
final class Problems {
    private Problems() {}

    static void write(Context ctx, ApiProblem p) {
        JsonOut out = new JsonOut(256);
        out.beginObject()
                .field("type", p.type)
                .field("title", p.title)
                .field("status", p.status)
                .field("detail", p.detail())
                .field("instance", ctx.path());
        String requestId = ctx.res().getHeader("X-Request-Id");
        if (requestId != null) {
            out.field("request_id", requestId);
        }
        if (!p.errors.isEmpty()) {
            out.name("errors").beginArray();
            for (ApiProblem.FieldError e : p.errors) {
                out.beginObject()
                        .field("field", e.field())
                        .field("message", e.message())
                        .endObject();
            }
            out.endArray();
        }
        for (Map.Entry<String, String> e : p.extensions.entrySet()) {
            out.field(e.getKey(), e.getValue());
        }
        out.endObject();
        if (p.retryAfterSeconds != null) {
            ctx.header("Retry-After", Long.toString(p.retryAfterSeconds));
        }
        ctx.status(p.status).contentType("application/problem+json").result(out.toString());
    }
}
