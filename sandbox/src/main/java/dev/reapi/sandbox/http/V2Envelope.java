package dev.reapi.sandbox.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Writes the vendor's {@code /v2} response envelope around a route's {@code data}, and its error
 * envelope. Stateless.
 */
final class V2Envelope {
    private static final String JSON = "application/json";

    private V2Envelope() {}

    /**
     * A route's answer.
     *
     * @param data the {@code data} member, already JSON
     * @param resultCount matches in total, or items found
     * @param resultIndex offset of the first record (PropertySearch only), else null
     * @param records records in the answer, which are the records billed
     */
    record Answer(String data, long resultCount, @Nullable Long resultIndex, long records) {
        /** An answer of one object that bills {@code records} (0 or 1). */
        static Answer single(String data, long records) {
            return new Answer(data, records, null, records);
        }
    }

    static void success(Context ctx, Answer a, boolean live, long elapsedMs) {
        StringBuilder sb = new StringBuilder(a.data().length() + 200);
        head(sb, 200, live, elapsedMs);
        sb.append(",\"resultCount\":").append(a.resultCount());
        if (a.resultIndex() != null) {
            sb.append(",\"resultIndex\":").append(a.resultIndex());
        }
        sb.append(",\"recordCount\":").append(a.records());
        sb.append(",\"data\":").append(a.data()).append('}');
        ctx.status(200).contentType(JSON).result(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void error(Context ctx, V2Problem p, boolean live, long elapsedMs) {
        StringBuilder sb = new StringBuilder(200);
        head(sb, p.status, live, elapsedMs);
        if (p.emptyData) {
            sb.append(",\"data\":{},\"resultCount\":0");
        }
        JsonOut error = new JsonOut(p.error().length() + 8).value(p.error());
        sb.append(",\"error\":").append(error).append('}');
        if (p.retryAfterSeconds != null) {
            ctx.header("Retry-After", Long.toString(p.retryAfterSeconds));
        }
        ctx.status(p.status).contentType(JSON).result(sb.toString());
    }

    private static void head(StringBuilder sb, int status, boolean live, long elapsedMs) {
        sb.append("{\"statusCode\":")
                .append(status)
                .append(",\"statusMessage\":\"")
                .append(reason(status))
                .append("\",\"live\":")
                .append(live)
                .append(",\"requestExecutionTimeMS\":\"")
                .append(Math.max(0, elapsedMs))
                .append("ms\"");
    }

    /** The HTTP reason phrase the vendor puts in {@code statusMessage}. */
    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status < 500 ? "Client Error" : "Server Error";
        };
    }
}
