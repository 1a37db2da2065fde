package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.gateway.application.port.out.UpstreamFailure;
import dev.reapi.gateway.domain.cache.NothingToServeException;
import dev.reapi.gateway.domain.ledger.DailyCapReachedException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an RFC 9457 problem document. No stack trace or exception message of an
 * unexpected failure ever reaches the caller: those are logged with the request id and answered
 * with a generic 500.
 */
final class ErrorHandling {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);
    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(5);

    private final ObjectMapper mapper;

    ErrorHandling(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(RoutesConfig routes) {
        routes.exception(ProblemException.class, (e, ctx) -> write(ctx, e));
        routes.exception(UpstreamFailure.class, (e, ctx) -> write(ctx, upstream(e)));
        routes.exception(NothingToServeException.class, (e, ctx) -> write(ctx, nothingToServe(e)));
        routes.exception(DailyCapReachedException.class, (e, ctx) -> write(ctx, dailyCap(e)));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e)));
        routes.exception(
                Exception.class,
                (e, ctx) ->
                        write(
                                ctx,
                                unexpected(
                                        e,
                                        RequestContext.requestId(ctx),
                                        ctx.method().name(),
                                        RequestContext.route(ctx))));
        routes.error(
                404,
                ctx -> {
                    if (!isProblem(ctx)) {
                        write(
                                ctx,
                                ProblemException.of(
                                        ProblemType.NOT_FOUND,
                                        "no route " + ctx.method() + " " + ctx.path()));
                    }
                });
        routes.error(
                405,
                ctx -> {
                    if (!isProblem(ctx)) {
                        write(
                                ctx,
                                ProblemException.of(
                                        ProblemType.METHOD_NOT_ALLOWED,
                                        "method "
                                                + ctx.method()
                                                + " is not allowed on "
                                                + ctx.path()));
                    }
                });
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.CONTENT_TYPE);
    }

    /**
     * The answer when the fallback chain found nothing. A spent upstream quota says so and asks to
     * retry at its reset (midnight UTC), which is later than the configured retry-after.
     */
    static ProblemException nothingToServe(NothingToServeException e) {
        if (e.getCause() instanceof UpstreamFailure quota
                && quota.kind() == UpstreamFailure.Kind.QUOTA) {
            return ProblemException.retryLater(
                    ProblemType.UPSTREAM_QUOTA,
                    "the gateway's upstream quota is exhausted and it holds no cached or"
                            + " replicated copy of this answer; try again after the reset",
                    quota.retryAfter().orElse(e.retryAfter()));
        }
        return ProblemException.retryLater(
                ProblemType.UPSTREAM_UNAVAILABLE,
                "the upstream is unavailable and the gateway holds no cached or replicated copy"
                        + " of this answer",
                e.retryAfter());
    }

    /**
     * The problem answering {@code failure}, as the exception handlers of {@link #register} choose
     * it; an unexpected failure is logged with the request id, method and route.
     */
    static ProblemException problemFor(
            Exception failure, String requestId, String method, String route) {
        return switch (failure) {
            case ProblemException problem -> problem;
            case UpstreamFailure upstream -> upstream(upstream);
            case NothingToServeException nothing -> nothingToServe(nothing);
            case DailyCapReachedException cap -> dailyCap(cap);
            case HttpResponseException javalin -> fromJavalin(javalin);
            default -> unexpected(failure, requestId, method, route);
        };
    }

    private static ProblemException dailyCap(DailyCapReachedException e) {
        return ProblemException.retryLater(
                ProblemType.DAILY_CAP_REACHED,
                "your plan's cap of "
                        + e.cap()
                        + " upstream records per UTC day is reached; cached"
                        + " answers are still served; it resets at "
                        + e.resetsAt(),
                e.retryAfter());
    }

    private static ProblemException unexpected(
            Exception e, String requestId, String method, String route) {
        LOG.error("Unhandled failure of request {} {} {}", requestId, method, route, e);
        return ProblemException.of(
                ProblemType.INTERNAL,
                "an unexpected error occurred; quote the request id when reporting it");
    }

    static ProblemException upstream(UpstreamFailure failure) {
        String retry =
                ProblemException.retryAfterSeconds(failure.retryAfter().orElse(DEFAULT_RETRY));
        return switch (failure.kind()) {
            case NOT_FOUND -> ProblemException.of(ProblemType.NOT_FOUND, failure.getMessage());
            case UNAVAILABLE ->
                    new ProblemException(
                            ProblemType.UPSTREAM_UNAVAILABLE,
                            "the property-data service is unavailable; try again later",
                            List.of(),
                            Map.of("Retry-After", retry));
            case QUOTA ->
                    new ProblemException(
                            ProblemType.UPSTREAM_QUOTA,
                            "the gateway's upstream quota is exhausted; try again after the reset",
                            List.of(),
                            Map.of("Retry-After", retry));
            case UNSUPPORTED ->
                    ProblemException.of(ProblemType.UPSTREAM_UNSUPPORTED, failure.getMessage());
            case MISSING_SCOPE ->
                    ProblemException.of(ProblemType.UPSTREAM_SCOPE_MISSING, failure.getMessage());
            case REJECTED -> {
                LOG.warn(
                        "Upstream rejected a request the gateway validated: {}",
                        failure.getMessage());
                yield ProblemException.of(
                        ProblemType.UPSTREAM_REJECTED,
                        "the upstream rejected the request; this is a gateway defect");
            }
        };
    }

    private static ProblemException fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> ProblemException.of(ProblemType.NOT_FOUND, "no such route");
            case 405 -> ProblemException.of(ProblemType.METHOD_NOT_ALLOWED, "method not allowed");
            case 413 -> ProblemException.of(ProblemType.PAYLOAD_TOO_LARGE, "the body is too large");
            case 400 -> ProblemException.of(ProblemType.MALFORMED_JSON, "the request is malformed");
            default ->
                    ProblemException.of(
                            e.getStatus() >= 500 ? ProblemType.INTERNAL : ProblemType.VALIDATION,
                            "the request could not be handled");
        };
    }

    /** Writes {@code e} as a problem document with its headers. */
    void write(Context ctx, ProblemException e) {
        e.headers().forEach(ctx::header);
        ctx.status(e.type().status())
                .contentType(Problem.CONTENT_TYPE)
                .result(encode(mapper, e, ctx.path(), RequestContext.requestId(ctx)));
    }

    /** The problem document of {@code e} for a request to {@code path}, as JSON bytes. */
    static byte[] encode(ObjectMapper mapper, ProblemException e, String path, String requestId) {
        ProblemType type = e.type();
        Problem problem =
                new Problem(
                        type.uri(),
                        type.title(),
                        type.status(),
                        e.detail(),
                        path,
                        requestId,
                        e.errors(),
                        e.headers());
        try {
            return mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException impossible) {
            return "{\"status\":500}".getBytes(StandardCharsets.UTF_8);
        }
    }
}
