package dev.reapi.sandbox.http;

import dev.reapi.sandbox.FaultSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides, per {@code /v1} request, which injected fault or limit answers it. Settings are swapped
 * atomically; random draws come from one generator seeded with the sandbox's seed (under a lock,
 * taken only when a random fault is configured). Thread-safe.
 */
public final class FaultGate {
    private final Clock clock;
    private final Stats stats;
    private final long seed;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Quota> quotas = new ConcurrentHashMap<>();
    private volatile Applied applied;

    public FaultGate(Clock clock, Stats stats, long seed, FaultSettings initial) {
        this.clock = clock;
        this.stats = stats;
        this.seed = seed;
        this.applied = apply(initial);
    }

    private Applied apply(FaultSettings settings) {
        Instant outageUntil =
                settings.outageSeconds() > 0
                        ? clock.instant().plusSeconds(settings.outageSeconds())
                        : Instant.MIN;
        return new Applied(
                settings,
                outageUntil,
                new AtomicInteger(settings.failNext().count()),
                new SplittableRandom(seed ^ 0xFA17L));
    }

    /** Replaces the settings; the outage (if any) starts now, fail_next counts afresh. */
    public void set(FaultSettings settings) {
        applied = apply(settings);
    }

    /** The settings in force, with {@code fail_next.count} showing the failures still to come. */
    public FaultSettings current() {
        Applied a = applied;
        FaultSettings s = a.settings;
        return s.withFailNext(Math.max(0, a.failNextLeft.get()), s.failNext().status());
    }

    public FaultSettings.WebhookFaults webhookFaults() {
        return applied.settings.webhooks();
    }

    /** The outage answer of {@code /v1/health}, if an outage is in force. */
    void checkOutage() {
        Applied a = applied;
        Instant now = clock.instant();
        if (now.isBefore(a.outageUntil)) {
            stats.fault("outage");
            long left = Math.max(1, a.outageUntil.getEpochSecond() - now.getEpochSecond());
            throw ApiProblem.unavailable(503, "The API is in a scheduled outage.", left);
        }
    }

    /**
     * Applies rate limit and faults before a request is served: throws the problem that answers it,
     * or {@link AbortConnection} when the connection must be dropped.
     */
    void before(String apiKey) throws InterruptedException {
        Applied a = applied;
        FaultSettings s = a.settings;
        if (s.rateLimitRps() > 0) {
            checkRate(apiKey, s.rateLimitRps());
        }
        checkOutage();
        if (a.failNextLeft.get() > 0 && a.failNextLeft.getAndDecrement() > 0) {
            stats.fault("fail_next");
            throw failure(s.failNext().status(), "Injected failure (fail_next).");
        }
        if (s.errorRate() == 0
                && s.resetRate() == 0
                && s.timeoutRate() == 0
                && s.latency().distribution().equals("none")) {
            return;
        }
        Draw d = draw(a);
        if (d.reset) {
            stats.fault("reset");
            throw new AbortConnection(0);
        }
        if (d.timeout) {
            stats.fault("timeout");
            throw new AbortConnection(s.timeoutMs());
        }
        if (d.errorStatus > 0) {
            stats.fault("error");
            throw failure(d.errorStatus, "Injected failure (error_rate).");
        }
        if (d.latencyMs > 0) {
            stats.fault("latency");
            Thread.sleep(d.latencyMs);
        }
    }

    private Draw draw(Applied a) {
        FaultSettings s = a.settings;
        synchronized (a.random) {
            SplittableRandom r = a.random;
            boolean reset = s.resetRate() > 0 && r.nextDouble() < s.resetRate();
            boolean timeout = s.timeoutRate() > 0 && r.nextDouble() < s.timeoutRate();
            int status = 0;
            if (s.errorRate() > 0 && r.nextDouble() < s.errorRate()) {
                List<Integer> statuses = s.errorStatuses();
                status = statuses.get(r.nextInt(statuses.size()));
            }
            return new Draw(reset, timeout, status, latency(s.latency(), r));
        }
    }

    /** One latency draw, milliseconds. */
    static long latency(FaultSettings.Latency l, SplittableRandom r) {
        return switch (l.distribution()) {
            case "fixed" -> l.p50Ms();
            case "uniform" -> {
                // Uniform on [lo, lo + width] with median p50 and 99th percentile p99.
                double width = (l.p99Ms() - l.p50Ms()) / 0.49;
                double lo = Math.max(0, l.p50Ms() - width / 2);
                yield Math.round(lo + r.nextDouble() * width);
            }
            case "lognormal" -> {
                double mu = Math.log((double) Math.max(1, l.p50Ms()));
                double sigma = (Math.log((double) Math.max(1, l.p99Ms())) - mu) / 2.326;
                yield Math.round(Math.exp(mu + sigma * r.nextGaussian()));
            }
            default -> 0;
        };
    }

    private void checkRate(String apiKey, int rps) {
        long second = clock.millis() / 1000;
        Window w = windows.computeIfAbsent(apiKey, k -> new Window());
        synchronized (w) {
            if (w.second != second) {
                w.second = second;
                w.count = 0;
            }
            if (++w.count > rps) {
                stats.rateLimited();
                throw new ApiProblem(
                        429,
                        ApiProblem.type("rate-limited"),
                        "Too many requests",
                        "More than " + rps + " requests per second for this API key.",
                        List.of(),
                        Map.of("limit", "rate"),
                        1L);
            }
        }
    }

    /**
     * Charges {@code records} to the key's daily quota, or throws the 429 quota problem when they
     * would exceed it (nothing is charged then).
     */
    void charge(String apiKey, long records) {
        long limit = applied.settings.dailyQuotaRecords();
        if (limit <= 0) {
            return;
        }
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Quota q = quotas.computeIfAbsent(apiKey, k -> new Quota());
        synchronized (q) {
            if (!day.equals(q.day)) {
                q.day = day;
                q.used = 0;
            }
            if (q.used + records > limit || (records == 0 && q.used >= limit)) {
                stats.quotaExhausted();
                Instant resets = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                long wait = Math.max(1, resets.getEpochSecond() - now.getEpochSecond());
                throw new ApiProblem(
                        429,
                        ApiProblem.type("quota-exhausted"),
                        "Daily quota exhausted",
                        "This request needs "
                                + records
                                + " records; "
                                + (limit - q.used)
                                + " of the daily "
                                + limit
                                + " are left.",
                        List.of(),
                        Map.of("limit", "quota", "quota_resets_at", resets.toString()),
                        wait);
            }
            q.used += records;
        }
    }

    /** Records charged to the key's quota on the clock's current UTC day. */
    long usedToday(String apiKey) {
        Quota q = quotas.get(apiKey);
        if (q == null) {
            return 0;
        }
        synchronized (q) {
            return q.day.equals(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)) ? q.used : 0;
        }
    }

    /** Forgets rate windows and quota use (with the stats reset). */
    public void resetUsage() {
        windows.clear();
        quotas.clear();
    }

    private static ApiProblem failure(int status, String detail) {
        if (status == 429) {
            return new ApiProblem(
                    429,
                    ApiProblem.type("rate-limited"),
                    "Too many requests",
                    detail,
                    List.of(),
                    Map.of("limit", "rate"),
                    1L);
        }
        if (status == 503) {
            return ApiProblem.unavailable(503, detail, 1);
        }
        return ApiProblem.of(
                status,
                status >= 500 ? "server-error" : "injected",
                ApiProblem.title(status),
                detail);
    }

    /** Thrown to drop the connection without an answer, after holding it {@code holdMs}. */
    static final class AbortConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long holdMs;

        AbortConnection(long holdMs) {
            super(null, null, false, false);
            this.holdMs = holdMs;
        }
    }

    private record Applied(
            FaultSettings settings,
            Instant outageUntil,
            AtomicInteger failNextLeft,
            SplittableRandom random) {}

    private record Draw(boolean reset, boolean timeout, int errorStatus, long latencyMs) {}

    private static final class Window {
        long second = Long.MIN_VALUE;
        int count;
    }

    private static final class Quota {
        LocalDate day = LocalDate.MIN;
        long used;
    }
}
