package dev.reapi.gateway.adapter.in.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Answers requests that Jetty rejects before they reach a route (a malformed URI, an ambiguous path
 * encoding, oversized headers) with a problem document instead of Jetty's HTML page. The detail is
 * fixed per status: nothing of the request is echoed.
 */
final class JettyProblemErrors extends ErrorHandler {

    private final RequestIds requestIds;

    JettyProblemErrors(RequestIds requestIds) {
        this.requestIds = requestIds;
    }

    @Override
    protected void generateResponse(
            Request request,
            Response response,
            int code,
            String message,
            @Nullable Throwable cause,
            Callback callback)
            throws IOException {
        ProblemType type = typeOf(code);
        String requestId = requestIds.generate();
        String body =
                "{\"type\":\""
                        + type.uri()
                        + "\",\"title\":\""
                        + type.title()
                        + "\",\"status\":"
                        + code
                        + ",\"detail\":\"the server rejected the request before routing it ("
                        + code
                        + ")\",\"instance\":\"/\",\"request_id\":\""
                        + requestId
                        + "\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(RequestIds.HEADER, requestId);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static ProblemType typeOf(int code) {
        for (ProblemType type : ProblemType.values()) {
            if (type.status() == code) {
                return type;
            }
        }
        return code >= 500 ? ProblemType.INTERNAL : ProblemType.MALFORMED_JSON;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
