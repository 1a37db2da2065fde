package dev.reapi.gateway.adapter.in.http;

import dev.reapi.gateway.domain.property.Provenance;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/** Per-request values kept on the Javalin context for the access log, metrics and problems. */
final class RequestContext {

    static final String REQUEST_ID = "reapi.requestId";
    static final String SOURCE = "reapi.source";
    static final String UPSTREAM_CALLS = "reapi.upstreamCalls";
    static final String MDC_KEY = "request_id";

    private RequestContext() {}

    static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id == null ? "" : id;
    }

    static void provenance(Context ctx, Provenance provenance) {
        ctx.attribute(SOURCE, provenance.source().key());
        ctx.attribute(UPSTREAM_CALLS, provenance.upstreamCalls());
    }

    /** The matched route's template (e.g. {@code /api/properties/{id}}), never the raw path. */
    static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint.path;
        } catch (RuntimeException e) {
            // No endpoint matched: report a constant so raw paths never become metric tags.
            return "unmatched";
        }
    }
}
