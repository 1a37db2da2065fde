package dev.reapi.gateway.adapter.in.http;

import dev.reapi.gateway.application.port.in.PropertyQueries;
import dev.reapi.gateway.application.port.in.UsageQueries;
import dev.reapi.gateway.application.port.out.ApiKeys;
import dev.reapi.gateway.application.port.out.HealthCheck;
import dev.reapi.gateway.application.port.out.RateLimiter;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The gateway's HTTP server: Javalin on Jetty with virtual threads. {@link #start} returns once the
 * server accepts connections; {@link #close} stops accepting, waits for in-flight requests up to
 * the drain timeout, then stops. Thread-safe.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final Javalin app;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    /**
     * Listener and request limits.
     *
     * @param host the address to bind
     * @param port the port; 0 picks a free one
     * @param maxBodyBytes largest accepted request body in bytes
     * @param maxJsonDepth deepest accepted JSON nesting
     * @param idleTimeout how long a silent connection is kept open
     * @param drainTimeout how long {@link #close} waits for in-flight requests
     */
    public record Settings(
            String host,
            int port,
            long maxBodyBytes,
            int maxJsonDepth,
            Duration idleTimeout,
            Duration drainTimeout) {

        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            Objects.requireNonNull(drainTimeout, "drainTimeout");
        }
    }

    /**
     * What the routes need.
     *
     * @param queries the property read path
     * @param apiKeys users' keys
     * @param rateLimiter users' request budgets
     * @param healthChecks one probe per dependency for {@code /health/ready}
     * @param registry the meter registry scraped at {@code /metrics}
     * @param plans the names of the configured plans, for key issuing
     * @param defaultPlan the plan of a new key when none is named
     * @param random source of generated request ids
     * @param clock time of access-log lines
     */
    public record Dependencies(
            PropertyQueries queries,
            ApiKeys apiKeys,
            RateLimiter rateLimiter,
            List<HealthCheck> healthChecks,
            PrometheusMeterRegistry registry,
            Set<String> plans,
            String defaultPlan,
            RandomGenerator random,
            Clock clock,
            UsageQueries usage) {

        public Dependencies {
            healthChecks = List.copyOf(healthChecks);
            plans = Set.copyOf(plans);
        }
    }

    /** Starts the server; returns when it is listening. */
    public static HttpServer start(Settings settings, Dependencies deps) {
        return start(settings, deps, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Starts the server with the job, notification, sync and watch routes as well (the webhook
     * route takes no API key: its signature authenticates it); returns when it is listening.
     */
    public static HttpServer start(
            Settings settings,
            Dependencies deps,
            Optional<JobEndpoints> jobs,
            Optional<SyncEndpoints> sync,
            Optional<WatchEndpoints> watches) {
        return start(settings, deps, jobs, sync, watches, true);
    }

    /**
     * Starts the server; with {@code fastPath} false, {@code GET /api/properties/{id}} is served by
     * its Javalin route instead of {@link PropertyFastPath} (for tests that compare the two).
     */
    static HttpServer start(
            Settings settings,
            Dependencies deps,
            Optional<JobEndpoints> jobs,
            Optional<SyncEndpoints> sync,
            Optional<WatchEndpoints> watches,
            boolean fastPath) {
        var bodies = new JsonBodies(settings.maxBodyBytes(), settings.maxJsonDepth());
        var edge =
                new Edge(
                        new RequestIds(deps.random()),
                        new Guard(deps.apiKeys(), deps.rateLimiter(), deps.registry()),
                        new AccessLog(deps.registry(), deps.clock()));
        Optional<Handler.Wrapper> front =
                fastPath
                        ? Optional.of(
                                new PropertyFastPath(
                                        deps.queries(),
                                        edge.guard(),
                                        edge.requestIds(),
                                        edge.accessLog(),
                                        bodies.mapper()))
                        : Optional.empty();
        Javalin app =
                Javalin.create(
                        config -> {
                            configureServer(config, settings, edge, front, bodies);
                            registerRoutes(config.routes, edge, bodies, deps, jobs, sync, watches);
                        });
        app.start();
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector server) {
                server.setIdleTimeout(settings.idleTimeout().toMillis());
            }
        }
        LOG.info("Gateway HTTP server listening on {}:{}", settings.host(), app.port());
        return new HttpServer(app);
    }

    /**
     * Threads, limits, Jetty error pages, graceful stop, the access log and the handler in front of
     * Javalin, if any. The graceful handler wraps everything, so a stop drains fast-path requests
     * too.
     */
    private static void configureServer(
            JavalinConfig config,
            Settings settings,
            Edge edge,
            Optional<Handler.Wrapper> front,
            JsonBodies bodies) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.concurrency.useVirtualThreads = true;
        config.jsonMapper(new JavalinJackson(bodies.mapper(), true));
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        var jettyErrors = new JettyProblemErrors(edge.requestIds());
        config.jetty.modifyServer(
                server -> {
                    server.setStopTimeout(settings.drainTimeout().toMillis());
                    server.setErrorHandler(jettyErrors);
                    // Javalin hangs its servlet context below the innermost wrapper.
                    var graceful = new GracefulHandler();
                    front.ifPresent(graceful::setHandler);
                    server.setHandler(graceful);
                });
        config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(jettyErrors));
        config.requestLogger.http(edge.accessLog()::log);
    }

    /** The request-id filter, authentication, every route and the error mapping. */
    private static void registerRoutes(
            RoutesConfig routes,
            Edge edge,
            JsonBodies bodies,
            Dependencies deps,
            Optional<JobEndpoints> jobs,
            Optional<SyncEndpoints> sync,
            Optional<WatchEndpoints> watches) {
        var guard = edge.guard();
        routes.before(
                ctx -> {
                    String id =
                            edge.requestIds()
                                    .acceptOrGenerate(
                                            Optional.ofNullable(ctx.header(RequestIds.HEADER)));
                    ctx.attribute(RequestContext.REQUEST_ID, id);
                    ctx.header(RequestIds.HEADER, id);
                    MDC.put(RequestContext.MDC_KEY, id);
                });
        routes.beforeMatched("/api/*", guard::authenticate);
        new AdminRoutes(deps.apiKeys(), guard, bodies, deps.plans(), deps.defaultPlan())
                .register(routes);
        new PropertyRoutes(deps.queries(), guard, bodies).register(routes);
        new UsageRoutes(deps.usage(), guard, bodies.mapper()).register(routes);
        jobs.ifPresent(endpoints -> endpoints.register(routes, guard, bodies));
        sync.ifPresent(endpoints -> endpoints.register(routes, guard, bodies));
        watches.ifPresent(endpoints -> endpoints.register(routes, guard, bodies));
        new HealthRoutes(deps.healthChecks(), bodies.mapper()).register(routes);
        new DocsRoutes().register(routes);
        routes.get(
                "/metrics",
                ctx ->
                        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                                .result(deps.registry().scrape()));
        new ErrorHandling(bodies.mapper()).register(routes);
    }

    /** What the Javalin routes and the fast path share: ids, authentication and the log. */
    private record Edge(RequestIds requestIds, Guard guard, AccessLog accessLog) {}

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** Whether {@link #close} has begun and the server is draining. */
    boolean stopping() {
        return app.jettyServer().server().isStopping();
    }

    /** Stops accepting requests, drains in-flight ones up to the drain timeout, then stops. */
    @Override
    public void close() {
        app.stop();
        LOG.info("Gateway HTTP server stopped");
    }
}
