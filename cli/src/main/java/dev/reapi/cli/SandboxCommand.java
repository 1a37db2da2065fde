package dev.reapi.cli;

import dev.reapi.sandbox.FaultSettings;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reapi sandbox}: the upstream stand-in on its own, until interrupted. */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the sandbox: a stand-in for the upstream property-data API with deterministic"
                    + " data, faults, quotas, webhooks and billing counters.",
            "Faults can also be changed while it runs: POST /_sandbox/faults (docs/api/sandbox.md)."
        })
final class SandboxCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port = 8090;

    @Option(
            names = "--properties",
            description = "Number of properties in the dataset (default: ${DEFAULT-VALUE}).")
    long properties = 100_000;

    @Option(names = "--seed", description = "Seed of the dataset (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            description = "An accepted API key; repeatable (default: sandbox).")
    List<String> apiKeys = List.of();

    @Option(
            names = "--market-rate",
            paramLabel = "PER_SECOND",
            description =
                    "Market changes per second, each sent as a webhook (default:"
                            + " ${DEFAULT-VALUE}).")
    double marketRate = 1.0;

    @Option(
            names = "--latency-ms",
            paramLabel = "P50",
            description = "Median added latency in ms, log-normal with p99 at 4x (default: none).")
    long latencyMs;

    @Option(
            names = "--error-rate",
            paramLabel = "SHARE",
            description =
                    "Share of requests answered 500/502/503, 0..1 (default: ${DEFAULT-VALUE}).")
    double errorRate;

    @Option(
            names = "--rate-limit",
            paramLabel = "RPS",
            description =
                    "Requests per second allowed per key; 0 = unlimited (default:"
                            + " ${DEFAULT-VALUE}).")
    int rateLimitRps;

    @Option(
            names = "--daily-quota",
            paramLabel = "RECORDS",
            description =
                    "Billed records per key per UTC day; 0 = unlimited (default:"
                            + " ${DEFAULT-VALUE}).")
    long dailyQuota;

    @Override
    public Integer call() throws InterruptedException {
        var sandbox = Sandbox.start(options());
        PrintWriter out = spec.commandLine().getOut();
        out.println("sandbox listening on " + sandbox.baseUrl());
        out.println(
                "  try: curl -H 'X-API-Key: "
                        + firstKey()
                        + "' "
                        + sandbox.baseUrl()
                        + "/v1/properties/P000000001");
        out.println("  billing counters: " + sandbox.baseUrl() + "/_sandbox/stats");
        out.flush();
        Shutdown.awaitSignal(sandbox);
        return 0;
    }

    private SandboxOptions options() {
        var faults = FaultSettings.none();
        if (latencyMs > 0) {
            faults =
                    faults.withLatency(
                            new FaultSettings.Latency("lognormal", latencyMs, latencyMs * 4));
        }
        if (errorRate > 0) {
            faults = faults.withErrors(errorRate, List.copyOf(FaultSettings.ERROR_STATUSES));
        }
        if (rateLimitRps > 0) {
            faults = faults.withRateLimitRps(rateLimitRps);
        }
        if (dailyQuota > 0) {
            faults = faults.withDailyQuotaRecords(dailyQuota);
        }
        var options =
                SandboxOptions.defaults()
                        .withHost(host)
                        .withPort(port)
                        .withProperties(properties)
                        .withSeed(seed)
                        .withMarketChangesPerSecond(marketRate)
                        .withFaults(faults);
        return apiKeys.isEmpty() ? options : options.withApiKeys(new LinkedHashSet<>(apiKeys));
    }

    private String firstKey() {
        return apiKeys.isEmpty() ? "sandbox" : apiKeys.getFirst();
    }
}
