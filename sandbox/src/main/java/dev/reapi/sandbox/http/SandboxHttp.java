package dev.reapi.sandbox.http;

import dev.reapi.sandbox.SandboxException;
import dev.reapi.sandbox.data.Dataset;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's HTTP server: Javalin on Jetty with virtual threads, the {@code /v1} contract, the
 * vendor's {@code /v2} endpoints and the {@code /_sandbox} control routes. Every {@code /v1} and
 * control error is a problem document; {@code /v2} errors use the vendor's envelope.
 */
public final class SandboxHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxHttp.class);
    private static final String REQUEST_ID = "X-Request-Id";

    private final Javalin app;
    private final KeyScopes scopes = new KeyScopes();

    public SandboxHttp(
            Dataset data,
            Stats stats,
            FaultGate faults,
            Clock clock,
            Set<String> apiKeys,
            ControlPort control) {
        Api api = new Api(data, stats, faults, clock, apiKeys);
        this.app = Javalin.create(config -> configure(config, api, control, scopes));
    }

    /** Binds and starts serving; returns the bound port. */
    public int start(String host, int port) {
        try {
            app.start(host, port);
            return app.port();
        } catch (RuntimeException e) {
            throw new SandboxException("cannot start the sandbox on " + host + ":" + port, e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }

    /**
     * Replaces the {@code /v2} grant of a key.
     *
     * @param apiKey one of the sandbox's keys
     * @param granted scopes among {@code PropertySearch, PropertyDetail, PropertyDetailBulk,
     *     PropertyAvm, PropertyAvmBulk, PropertyComps, ChangeFiles}
     * @param live whether the key reports itself live
     * @throws IllegalArgumentException on an unknown scope
     */
    public void grant(String apiKey, Set<String> granted, boolean live) {
        scopes.set(apiKey, new KeyScopes.Grant(granted, live));
    }

    private static void configure(
            JavalinConfig config, Api api, ControlPort control, KeyScopes scopes) {
        config.concurrency.useVirtualThreads = true;
        config.startup.showJavalinBanner = false;
        config.http.maxRequestSize = JsonBodies.MAX_BODY_BYTES;
        config.http.generateEtags = false;
        config.router.ignoreTrailingSlashes = false;
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
        config.jetty.modifyServletContextHandler(
                handler -> handler.setErrorHandler(new JettyErrors()));
        config.routes.before(SandboxHttp::requestId);
        V1Routes.register(config, api);
        V2Routes.register(config, api, scopes);
        new ControlRoutes(api, control).register(config);
        config.routes.exception(ApiProblem.class, (e, ctx) -> Problems.write(ctx, e));
        config.routes.exception(FaultGate.AbortConnection.class, SandboxHttp::abort);
        config.routes.exception(
                HttpResponseException.class,
                (e, ctx) ->
                        Problems.write(
                                ctx,
                                ApiProblem.of(
                                        e.getStatus(),
                                        e.getStatus() == 404 ? "not-found" : "http-error",
                                        ApiProblem.title(e.getStatus()),
                                        e.getMessage())));
        config.routes.exception(
                Exception.class,
                (e, ctx) -> {
                    LOG.error(
                            "Request {} {} failed (request id {})",
                            ctx.method(),
                            ctx.path(),
                            ctx.res().getHeader(REQUEST_ID),
                            e);
                    if (ctx.path().startsWith("/v2/")) {
                        V2Envelope.error(
                                ctx,
                                V2Problem.of(500, "The sandbox failed; see its log."),
                                false,
                                0);
                        return;
                    }
                    Problems.write(
                            ctx,
                            ApiProblem.of(
                                    500,
                                    "server-error",
                                    "Internal server error",
                                    "The sandbox failed; see its log."));
                });
        config.routes.error(404, ctx -> notMatched(ctx, 404));
        config.routes.error(405, ctx -> notMatched(ctx, 405));
    }

    private static void notMatched(Context ctx, int status) {
        if (ctx.path().startsWith("/v2/")) {
            String answered = ctx.res().getContentType();
            if (answered != null && answered.startsWith("application/json")) {
                return;
            }
            V2Envelope.error(
                    ctx,
                    new V2Problem(
                            status,
                            "No route " + ctx.method() + " " + ctx.path() + ".",
                            null,
                            status == 404),
                    false,
                    0);
            return;
        }
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            Problems.write(
                    ctx,
                    ApiProblem.of(
                            status,
                            status == 404 ? "not-found" : "method-not-allowed",
                            ApiProblem.title(status),
                            "No route " + ctx.method() + " " + ctx.path() + "."));
        }
    }

    private static void requestId(Context ctx) {
        String given = ctx.header(REQUEST_ID);
        String id =
                given != null && given.length() <= 200 && isPrintable(given) && !given.isEmpty()
                        ? given
                        : "req_"
                                + Long.toHexString(
                                        ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        ctx.header(REQUEST_ID, id);
    }

    private static boolean isPrintable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static void abort(FaultGate.AbortConnection e, Context ctx) {
        if (e.holdMs > 0) {
            try {
                Thread.sleep(e.holdMs);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        Connections.abort(ctx, e.holdMs == 0);
    }
}
