package dev.reapi.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.RealEstateApiClient;
import dev.reapi.gateway.adapter.in.http.HttpServer;
import dev.reapi.gateway.adapter.out.health.DatabaseHealthCheck;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiApiKeys;
import dev.reapi.gateway.adapter.out.upstream.ClientPropertySource;
import dev.reapi.gateway.adapter.out.upstream.UpstreamHealthCheck;
import dev.reapi.gateway.application.port.out.ApiKeys;
import dev.reapi.gateway.application.port.out.HealthCheck;
import dev.reapi.gateway.domain.GatewayException;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: wires the adapters into the use cases by hand and runs the HTTP server.
 *
 * <p>{@link #start} returns when the server is ready. {@link #close} stops accepting requests,
 * drains the in-flight ones (up to {@code server.drain_timeout_ms}), then closes the upstream
 * client, the rate limiter and the database pool. Thread-safe; close is idempotent.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final HttpServer http;
    private final ApiKeys apiKeys;
    private final PrometheusMeterRegistry registry;
    private final Deque<AutoCloseable> resources;
    private boolean closed;

    private Gateway(
            HttpServer http,
            ApiKeys apiKeys,
            PrometheusMeterRegistry registry,
            Deque<AutoCloseable> resources) {
        this.http = http;
        this.apiKeys = apiKeys;
        this.registry = registry;
        this.resources = resources;
    }

    /**
     * Starts the gateway with the system clock and a secure random source.
     *
     * @throws StartupException when a required dependency (the database) is unreachable, the port
     *     cannot be bound or the v2 upstream rejects the API key; the message is one line
     */
    public static Gateway start(GatewayConfig config) {
        return start(config, Clock.systemUTC(), new SecureRandom());
    }

    /** Starts the gateway with an injected clock and random source (for tests). */
    public static Gateway start(GatewayConfig config, Clock clock, RandomGenerator random) {
        long begin = System.nanoTime();
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            PrometheusMeterRegistry registry = registry(resources);
            Database database = openDatabase(config.database());
            resources.push(database);
            long databaseMs = (System.nanoTime() - begin) / 1_000_000;
            ApiKeys apiKeys =
                    new JdbiApiKeys(
                            database.jdbi(), name -> Optional.ofNullable(config.plans().get(name)));
            RateLimiters.Wired limits = RateLimiters.create(config, clock, resources);
            RealEstateApiClient client = client(config.upstream(), registry, clock);
            resources.push(client);
            UpstreamKeyCheck.run(client);
            List<HealthCheck> checks = new ArrayList<>();
            checks.add(new UpstreamHealthCheck(client));
            checks.add(new DatabaseHealthCheck(database.dataSource()));
            checks.addAll(limits.checks());
            WatchesWiring watches = WatchesWiring.create(config.jobs(), database, clock, random);
            ReadPaths.Wired read =
                    ReadPaths.create(
                            config.readPath(),
                            clock,
                            database,
                            client,
                            registry,
                            Optional.of(watches.notifier()),
                            resources);
            checks.addAll(read.checks());
            SyncWiring sync =
                    SyncWiring.create(
                            config.sync(),
                            database,
                            read,
                            client,
                            watches.watchedProperties(),
                            registry,
                            clock);
            JobsWiring jobs =
                    JobsWiring.create(
                            config.jobs(),
                            database,
                            new ClientPropertySource(client, clock),
                            new ObjectMapper(),
                            clock,
                            random,
                            sync.tasks());
            HttpServer http =
                    HttpServer.start(
                            settings(config.server()),
                            new HttpServer.Dependencies(
                                    read.queries(),
                                    apiKeys,
                                    limits.limiter(),
                                    checks,
                                    registry,
                                    config.plans().keySet(),
                                    config.defaultPlan(),
                                    random,
                                    clock,
                                    read.usage()),
                            Optional.of(jobs.endpoints()),
                            Optional.of(sync.endpoints()),
                            Optional.of(watches.endpoints()));
            // Stopped before the database: close() runs the resource stack in reverse.
            jobs.start(resources);
            sync.start(resources);
            LOG.info(
                    "Gateway ready on port {} in {} ms, {} ms of it opening the database (upstream"
                            + " {}, database {}, rate limits {})",
                    http.port(),
                    (System.nanoTime() - begin) / 1_000_000,
                    databaseMs,
                    config.upstream().baseUrl(),
                    database.safeUrl(),
                    config.redis().map(GatewayConfig.Redis::redacted).orElse("in-process"));
            return new Gateway(http, apiKeys, registry, resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            if (e instanceof StartupException || e instanceof ConfigException) {
                throw e;
            }
            throw new StartupException("gateway failed to start: " + oneLine(e), e);
        }
    }

    private static RealEstateApiClient client(
            GatewayConfig.Upstream upstream, PrometheusMeterRegistry registry, Clock clock) {
        return RealEstateApiClient.builder()
                .provider(upstream.provider())
                .apiKey(upstream.apiKey())
                .baseUrl(upstream.baseUrl())
                .callTimeout(upstream.timeout())
                .meterRegistry(registry)
                .clock(clock)
                .build();
    }

    private static HttpServer.Settings settings(GatewayConfig.Server server) {
        return new HttpServer.Settings(
                server.host(),
                server.port(),
                server.maxBodyBytes(),
                server.maxJsonDepth(),
                server.idleTimeout(),
                server.drainTimeout());
    }

    private static PrometheusMeterRegistry registry(Deque<AutoCloseable> resources) {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        resources.push(gc);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        resources.push(registry::close);
        return registry;
    }

    private static Database openDatabase(GatewayConfig.Database config) {
        try {
            return Database.open(
                    config.url(),
                    config.user().isEmpty() ? null : config.user(),
                    config.password().isEmpty() ? null : config.password());
        } catch (GatewayException e) {
            throw new StartupException("database unavailable: " + oneLine(e), e);
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        return message == null
                ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse("");
    }

    /** The port the HTTP server listens on. */
    public int port() {
        return http.port();
    }

    /** Users' API keys, for issuing and revoking keys from the command line. */
    public ApiKeys apiKeys() {
        return apiKeys;
    }

    /** The registry behind {@code /metrics}. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Drains in-flight requests, then closes every resource in reverse order of opening. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        http.close();
        closeAll(resources);
        LOG.info("Gateway stopped");
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn(
                        "Closing {} failed; continuing shutdown",
                        resource.getClass().getSimpleName(),
                        e);
            }
        }
    }
}
