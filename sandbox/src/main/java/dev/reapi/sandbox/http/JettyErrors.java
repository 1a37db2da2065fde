package dev.reapi.sandbox.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Jetty's own error answers (a malformed URI or request line, rejected before any route runs) as
 * problem documents instead of HTML pages.
 */
final class JettyErrors extends ErrorHandler {
    @Override
    protected void generateResponse(
            Request request,
            Response response,
            int code,
            @Nullable String message,
            @Nullable Throwable cause,
            Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    private static byte[] body(int status, @Nullable String message) {
        return new JsonOut(256)
                .beginObject()
                .field("type", ApiProblem.type(status == 400 ? "malformed-request" : "http-error"))
                .field("title", ApiProblem.title(status))
                .field("status", status)
                .field("detail", message == null ? ApiProblem.title(status) : message)
                .endObject()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
