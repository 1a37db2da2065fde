package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.model.PropertyIds;
import dev.reapi.gateway.application.port.in.Answer;
import dev.reapi.gateway.application.port.in.PropertyQueries;
import dev.reapi.gateway.domain.user.EndpointClass;
import dev.reapi.gateway.domain.user.Principal;
import io.javalin.http.ContentType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Answers {@code GET /api/properties/{id}}, the gateway's hottest route, on Jetty's core API in
 * front of Javalin, and hands every other request to Javalin unchanged.
 *
 * <p>A cached read costs microseconds, so the servlet layer and Javalin's routing and context were
 * most of its cost. This handler gives the same answer as the Javalin route in every case it takes:
 * the same request id, authentication, rate-limit spending and headers, body and {@code meta},
 * {@code Cache-Status}, problem documents, access-log line and request timer. It takes a request
 * only when the path is exactly {@code /api/properties/} and a valid id (no percent-encoding) and
 * the caller asked for no content encoding (Javalin may compress); anything else, a {@code HEAD} or
 * a malformed id included, goes to Javalin before any work is done. Thread-safe.
 */
final class PropertyFastPath extends Handler.Wrapper {

    private static final String PREFIX = "/api/properties/";
    private static final HttpField JSON =
            new PreEncodedHttpField(
                    HttpHeader.CONTENT_TYPE, ContentType.APPLICATION_JSON.getMimeType());
    private static final HttpField PROBLEM =
            new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);

    private final PropertyQueries queries;
    private final Guard guard;
    private final RequestIds requestIds;
    private final AccessLog accessLog;
    private final ObjectMapper mapper;

    PropertyFastPath(
            PropertyQueries queries,
            Guard guard,
            RequestIds requestIds,
            AccessLog accessLog,
            ObjectMapper mapper) {
        this.queries = queries;
        this.guard = guard;
        this.requestIds = requestIds;
        this.accessLog = accessLog;
        this.mapper = mapper;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Optional<String> id = propertyId(request);
        if (id.isEmpty()) {
            return super.handle(request, response, callback);
        }
        answer(request, response, callback, id.get());
        return true;
    }

    /** The id when this handler takes the request, else empty. */
    private static Optional<String> propertyId(Request request) {
        if (!HttpMethod.GET.is(request.getMethod())) {
            return Optional.empty();
        }
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String id = path.substring(PREFIX.length());
        if (!PropertyIds.isValid(id) || request.getHeaders().contains(HttpHeader.ACCEPT_ENCODING)) {
            return Optional.empty();
        }
        return Optional.of(id);
    }

    private void answer(Request request, Response response, Callback callback, String id) {
        long started = System.nanoTime();
        HttpFields headers = request.getHeaders();
        String requestId =
                requestIds.acceptOrGenerate(Optional.ofNullable(headers.get(RequestIds.HEADER)));
        MDC.put(RequestContext.MDC_KEY, requestId);
        HttpFields.Mutable out = response.getHeaders();
        out.put(RequestIds.HEADER, requestId);
        @Nullable Principal principal = null;
        @Nullable String source = null;
        int upstreamCalls = 0;
        int status;
        byte[] body;
        try {
            principal =
                    guard.authenticate(
                            Guard.presentedKey(
                                    headers.get("X-API-Key"),
                                    headers.get(HttpHeader.AUTHORIZATION)));
            Guard.Spent spent = guard.spend(principal, EndpointClass.DETAILS);
            out.put(Guard.POLICY_HEADER, spent.policy());
            out.put(Guard.STATE_HEADER, spent.state());
            if (spent.rejection().isPresent()) {
                throw spent.rejection().get();
            }
            Answer<?> answer =
                    queries.forUser(principal.userId(), principal.plan().dailyRecordCap())
                            .property(id, requestId);
            source = answer.provenance().source().key();
            upstreamCalls = answer.provenance().upstreamCalls();
            out.put("Cache-Status", PropertyRoutes.cacheStatus(answer.provenance()));
            out.put(JSON);
            status = 200;
            body = PropertyRoutes.body(mapper, answer, requestId).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            ProblemException problem =
                    ErrorHandling.problemFor(
                            e, requestId, HttpMethod.GET.asString(), PropertyRoutes.DETAILS_ROUTE);
            problem.headers().forEach(out::put);
            out.put(PROBLEM);
            status = problem.type().status();
            body = ErrorHandling.encode(mapper, problem, request.getHttpURI().getPath(), requestId);
        }
        response.setStatus(status);
        response.write(true, ByteBuffer.wrap(body), callback);
        accessLog.log(
                new AccessLog.Line(
                        requestId,
                        principal == null ? null : principal.userId(),
                        HttpMethod.GET.asString(),
                        PropertyRoutes.DETAILS_ROUTE,
                        status,
                        (System.nanoTime() - started) / 1_000_000f,
                        source,
                        upstreamCalls));
    }
}
