package dev.reapi.sandbox;

import dev.reapi.sandbox.data.Dataset;
import dev.reapi.sandbox.data.Geography;
import dev.reapi.sandbox.data.PropertyGenerator;
import dev.reapi.sandbox.http.ControlPort;
import dev.reapi.sandbox.http.FaultGate;
import dev.reapi.sandbox.http.SandboxHttp;
import dev.reapi.sandbox.http.Stats;
import dev.reapi.sandbox.market.MarketSimulation;
import dev.reapi.sandbox.market.WebhookDispatcher;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running sandbox: the upstream contract served over real HTTP on loopback, with deterministic
 * data, injectable faults, quotas, billing counters, a market and signed webhooks.
 *
 * <p>The dataset is anchored to the UTC day of {@link SandboxOptions#clock()} at start: original
 * dates lie in the year before it. Two sandboxes with the same seed, size and anchor day serve
 * identical bodies. Thread-safe; close it to stop the server, the market and webhook delivery.
 */
public final class Sandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    private static volatile Geography geography;

    private final SandboxOptions options;
    private final Stats stats = new Stats();
    private final FaultGate faults;
    private final MarketSimulation market;
    private final WebhookDispatcher webhooks;
    private final SandboxHttp http;
    private final int port;

    private Sandbox(SandboxOptions options) {
        this.options = options;
        int anchorDay =
                (int) LocalDate.ofInstant(options.clock().instant(), ZoneOffset.UTC).toEpochDay();
        Dataset data =
                new Dataset(
                        new PropertyGenerator(
                                options.seed(), options.properties(), geography(), anchorDay));
        this.faults = new FaultGate(options.clock(), stats, options.seed(), options.faults());
        this.webhooks =
                new WebhookDispatcher(options.clock(), options.seed(), faults::webhookFaults, 500);
        this.market =
                new MarketSimulation(data, options.clock(), options.seed(), webhooks::publish);
        this.http =
                new SandboxHttp(
                        data,
                        stats,
                        faults,
                        options.clock(),
                        options.apiKeys(),
                        new ControlPort() {
                            @Override
                            public List<MarketChange> tick(int count) {
                                return Sandbox.this.tick(count);
                            }

                            @Override
                            public String registerWebhook(String url, String secret) {
                                return Sandbox.this.registerWebhook(url, secret);
                            }
                        });
        try {
            this.port = http.start(options.host(), options.port());
        } catch (RuntimeException e) {
            webhooks.close();
            market.close();
            throw e;
        }
        market.startBackground(options.marketChangesPerSecond());
    }

    /**
     * Starts a sandbox and returns once it listens.
     *
     * @throws SandboxException when the port cannot be bound
     */
    public static Sandbox start(SandboxOptions options) {
        Objects.requireNonNull(options, "options");
        Sandbox sandbox = new Sandbox(options);
        LOG.info(
                "Sandbox listening on {} with {} properties (seed {})",
                sandbox.baseUrl(),
                options.properties(),
                options.seed());
        return sandbox;
    }

    private static Geography geography() {
        Geography g = geography;
        if (g == null) {
            synchronized (Sandbox.class) {
                g = geography;
                if (g == null) {
                    g = Geography.load();
                    geography = g;
                }
            }
        }
        return g;
    }

    /** The bound TCP port. */
    public int port() {
        return port;
    }

    /** {@code http://<host>:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://" + options.host() + ":" + port;
    }

    public SandboxOptions options() {
        return options;
    }

    /** Replaces the fault settings; an outage starts now, fail_next counts afresh. */
    public void setFaults(FaultSettings f) {
        faults.set(Objects.requireNonNull(f, "faults"));
        LOG.warn("Sandbox faults changed to {}", f);
    }

    /** Removes every fault. */
    public void resetFaults() {
        faults.set(FaultSettings.none());
    }

    /** The settings in force ({@code failNext.count} = failures still to come). */
    public FaultSettings faults() {
        return faults.current();
    }

    /** The billing counters now. */
    public StatsSnapshot stats() {
        return stats.snapshot();
    }

    /** Zeroes the counters, rate windows and daily quota use. */
    public void resetStats() {
        stats.reset();
        faults.resetUsage();
    }

    /**
     * Sets the {@code /v2} scopes and live flag of one of the sandbox's keys (by default a key
     * holds every scope and is a test key). Thread-safe; applies to the next request.
     *
     * @throws IllegalArgumentException on an unknown scope
     */
    public void setV2Scopes(String apiKey, Set<String> scopes, boolean live) {
        http.grant(Objects.requireNonNull(apiKey, "apiKey"), scopes, live);
    }

    /** Applies {@code changes} market changes now, deterministically for a given seed. */
    public List<MarketChange> tick(int changes) {
        if (changes < 0) {
            throw new IllegalArgumentException("changes must be >= 0, got " + changes);
        }
        return market.tick(changes);
    }

    /**
     * Registers a webhook endpoint for market events.
     *
     * @param url absolute http(s) URL
     * @param secret {@code whsec_} + base64 of 24 to 64 bytes
     * @return the endpoint id
     */
    public String registerWebhook(String url, String secret) {
        return webhooks.register(url, secret);
    }

    @Override
    public void close() {
        market.close();
        webhooks.close();
        http.close();
        LOG.info("Sandbox on port {} stopped", port);
    }
}
