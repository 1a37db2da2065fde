package dev.reapi.bench.sync;

import com.standardwebhooks.Webhook;
import dev.reapi.bench.BenchReport;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiWebhookInboxStore;
import dev.reapi.gateway.application.port.out.WebhookInbox;
import dev.reapi.gateway.config.Gateway;
import dev.reapi.gateway.config.GatewayConfig;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook ingestion: a real gateway (on SQLite, then PostgreSQL) with a webhook secret, and N
 * senders posting signed Standard Webhooks price events for a fixed time. Measures verified events
 * per second answered 2xx and the p99 time to the answer, then waits until the inbox is drained and
 * checks that every event sent was handled. Writes the {@code sync-webhook-ingest} section of
 * {@code docs/benchmarks.md}.
 *
 * <p>System properties: {@code bench.seconds} (default 20), {@code bench.senders} (default 32),
 * {@code bench.postgres} (default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}),
 * {@code bench.quick=true} (5 s, 4 senders, prints instead of writing).
 */
public final class WebhookIngestBench {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookIngestBench.class);
    private static final String SECRET = "whsec_YmVuY2gtd2ViaG9vay1pbmdlc3Qtc2VjcmV0LWtleQ==";
    private static final int PROPERTIES = 200;
    private static final String COMMAND = "bench/sync/run.sh webhooks";

    private WebhookIngestBench() {}

    /** One database's result. */
    record Result(
            String database,
            long sent,
            long accepted,
            double perSecond,
            double p99Ms,
            long drainMs) {

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,.0f | %.1f | %,d | %s |",
                    database,
                    sent,
                    perSecond,
                    p99Ms,
                    drainMs,
                    accepted == sent ? "yes" : "no (" + accepted + ")");
        }
    }

    /** Runs on SQLite and PostgreSQL and writes (or, quick, prints) the section. */
    public static void main(String[] args) throws Exception {
        boolean quick = Boolean.getBoolean("bench.quick");
        int seconds = quick ? 5 : Integer.getInteger("bench.seconds", 20);
        int senders = quick ? 4 : Integer.getInteger("bench.senders", 32);
        Path dir = Files.createTempDirectory("reapi-webhook-bench");
        String schema = "bench_webhooks_" + ProcessHandle.current().pid();
        String pgBase =
                System.getProperty(
                        "bench.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        try (var c = DriverManager.getConnection(pgBase);
                var s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        List<Result> results = new ArrayList<>();
        try (Sandbox sandbox =
                Sandbox.start(SandboxOptions.defaults().withPort(0).withProperties(PROPERTIES))) {
            results.add(
                    run(
                            "SQLite",
                            "jdbc:sqlite:" + dir.resolve("reapi.db"),
                            sandbox,
                            seconds,
                            senders));
            results.add(
                    run(
                            "PostgreSQL",
                            pgBase + "&currentSchema=" + schema,
                            sandbox,
                            seconds,
                            senders));
        } finally {
            try (var c = DriverManager.getConnection(pgBase);
                    var s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
        String markdown = markdown(results, seconds, senders);
        if (quick) {
            System.out.println(markdown);
        } else {
            BenchReport.replaceSection(report(args), "sync-webhook-ingest", markdown);
        }
    }

    private static Result run(String name, String url, Sandbox sandbox, int seconds, int senders)
            throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("REALESTATEAPI_KEY", "sandbox");
        env.put("REALESTATEAPI_BASE_URL", sandbox.baseUrl());
        env.put("REAPI_HOST", "127.0.0.1");
        env.put("REAPI_PORT", "0");
        env.put("REAPI_DATABASE_URL", url);
        env.put("REAPI_WEBHOOK_SECRETS", SECRET);
        env.put("REAPI_DATA_DIR", Files.createTempDirectory("reapi-bench-data").toString());
        try (Gateway gateway = Gateway.start(GatewayConfig.load(Optional.empty(), env));
                Database db = Database.open(url);
                HttpClient http = HttpClient.newHttpClient()) {
            String key = gateway.apiKeys().issue("bench", "pro", false).rawKey();
            URI base = URI.create("http://127.0.0.1:" + gateway.port());
            for (int i = 1; i <= PROPERTIES; i++) {
                http.send(
                        HttpRequest.newBuilder(base.resolve("/api/properties/P%09d".formatted(i)))
                                .header("X-API-Key", key)
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            WebhookInbox inbox = new JdbiWebhookInboxStore(db);
            long before = handled(inbox);
            var sent = new AtomicLong();
            var accepted = new AtomicLong();
            List<long[]> latencies = new ArrayList<>();
            Instant end = Instant.now().plusSeconds(seconds);
            List<Thread> threads = new ArrayList<>();
            long began = System.nanoTime();
            for (int t = 0; t < senders; t++) {
                long[] own = new long[2_000_000];
                latencies.add(own);
                int sender = t;
                Webhook signer = new Webhook(SECRET);
                threads.add(
                        Thread.ofVirtual()
                                .start(
                                        () ->
                                                send(
                                                        http, signer, base, sender, end, own, sent,
                                                        accepted)));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double elapsedS = (System.nanoTime() - began) / 1e9;
            long drainStart = System.nanoTime();
            while (handled(inbox) - before < accepted.get()) {
                Thread.sleep(50);
            }
            long drainMs = (System.nanoTime() - drainStart) / 1_000_000;
            long total = handled(inbox) - before;
            Result result =
                    new Result(
                            name,
                            sent.get(),
                            total,
                            accepted.get() / elapsedS,
                            p99(latencies, (int) Math.min(Integer.MAX_VALUE, sent.get())),
                            drainMs);
            LOG.info("sync-webhook-ingest {}: {}", name, result);
            return result;
        }
    }

    private static void send(
            HttpClient http,
            Webhook signer,
            URI base,
            int sender,
            Instant end,
            long[] latencies,
            AtomicLong sent,
            AtomicLong accepted) {
        int n = 0;
        while (Instant.now().isBefore(end) && n < latencies.length) {
            String id = "msg_" + sender + "_" + n;
            Instant at = Instant.now();
            String body =
                    """
                    {"type":"property.price_changed","timestamp":"%s","data":{"property_id":\
                    "P%09d","old_price":1,"new_price":%d,"changed_at":"%s"}}\
                    """
                            .formatted(at, 1 + (sender * 7919 + n) % PROPERTIES, 100_000 + n, at);
            try {
                long seconds = at.getEpochSecond();
                long start = System.nanoTime();
                HttpResponse<Void> response =
                        http.send(
                                HttpRequest.newBuilder(base.resolve("/webhooks/property-updates"))
                                        .header("webhook-id", id)
                                        .header("webhook-timestamp", Long.toString(seconds))
                                        .header("webhook-signature", signer.sign(id, seconds, body))
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                latencies[n] = System.nanoTime() - start;
                sent.incrementAndGet();
                if (response.statusCode() / 100 == 2) {
                    accepted.incrementAndGet();
                }
            } catch (Exception e) {
                LOG.warn("Sender {} failed: {}", sender, e.toString());
                return;
            }
            n++;
        }
    }

    private static long handled(WebhookInbox inbox) {
        WebhookInbox.Counts c = inbox.counts();
        return c.applied() + c.stale() + c.unknown();
    }

    private static double p99(List<long[]> perSender, int count) {
        long[] all = new long[count];
        int i = 0;
        for (long[] own : perSender) {
            for (long value : own) {
                if (value > 0 && i < count) {
                    all[i++] = value;
                }
            }
        }
        long[] used = Arrays.copyOf(all, i);
        Arrays.sort(used);
        return used.length == 0 ? 0 : used[(int) Math.ceil(used.length * 0.99) - 1] / 1e6;
    }

    private static String markdown(List<Result> results, int seconds, int senders) {
        StringBuilder rows = new StringBuilder();
        results.forEach(r -> rows.append(r.row()).append('\n'));
        return String.format(
                Locale.ROOT,
                """
                ### Webhook ingestion

                A gateway with one webhook secret, %d concurrent senders posting signed \
                `property.price_changed` events (Standard Webhooks) over HTTP/1.1 for %d s each, \
                about %d replicated properties. "events/s" counts events answered 2xx \
                (signature verified, stored in the inbox); p99 is the time to that answer; the \
                drain is the time after the last send until the inbox worker had applied every \
                event. Goal: 5,000 events/s with p99 under 10 ms.

                | database | sent | events/s | p99 (ms) | drain (ms) | all applied |
                |---|---:|---:|---:|---:|---|
                %s
                _Measured %s on %d cores (load average %.1f), JDK %s. Command: `%s`._
                """,
                senders,
                seconds,
                PROPERTIES,
                rows,
                Instant.now().truncatedTo(ChronoUnit.MINUTES),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.version(),
                COMMAND);
    }

    private static Path report(String[] args) {
        if (args.length > 0) {
            return Path.of(args[0]);
        }
        Path here = Path.of("docs/benchmarks.md");
        return Files.exists(here.toAbsolutePath().getParent())
                ? here
                : Path.of("../docs/benchmarks.md");
    }
}
