package dev.reapi.sandbox;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The faults the sandbox injects into {@code /v1} calls and webhook deliveries. Immutable; {@link
 * #none()} injects nothing. Also the JSON body of {@code POST /_sandbox/faults} (snake_case member
 * names, every member optional with the defaults of {@link #none()}).
 *
 * <p>Rates are probabilities in {@code [0, 1]} drawn per request from a generator seeded with the
 * sandbox's seed. {@code /v1/health} is exempt from every fault except the outage.
 *
 * @param latency added delay before answering
 * @param errorRate share of requests answered with one of {@code errorStatuses}
 * @param errorStatuses the statuses drawn from for {@code errorRate}; a subset of 500, 502, 503
 * @param timeoutRate share of requests held for {@code timeoutMs} then dropped without an answer
 * @param timeoutMs how long a timed-out request is held, milliseconds
 * @param resetRate share of requests whose TCP connection is aborted without an answer
 * @param outageSeconds when positive, every {@code /v1} call answers 503 with {@code Retry-After}
 *     for this many seconds after the settings are applied (measured on the sandbox's clock)
 * @param rateLimitRps requests per second allowed per API key; 0 = unlimited
 * @param dailyQuotaRecords billed records allowed per API key per UTC day; 0 = unlimited
 * @param failNext the next {@code count} {@code /v1} requests fail with {@code status}
 * @param webhooks faults of webhook delivery
 */
public record FaultSettings(
        Latency latency,
        double errorRate,
        List<Integer> errorStatuses,
        double timeoutRate,
        long timeoutMs,
        double resetRate,
        long outageSeconds,
        int rateLimitRps,
        long dailyQuotaRecords,
        FailNext failNext,
        WebhookFaults webhooks) {

    /** The statuses {@code errorStatuses} may contain. */
    public static final Set<Integer> ERROR_STATUSES = Set.of(500, 502, 503);

    public FaultSettings {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(failNext, "failNext");
        Objects.requireNonNull(webhooks, "webhooks");
        errorStatuses = List.copyOf(errorStatuses);
        checkRate("errorRate", errorRate);
        checkRate("timeoutRate", timeoutRate);
        checkRate("resetRate", resetRate);
        if (errorStatuses.isEmpty() || !ERROR_STATUSES.containsAll(errorStatuses)) {
            throw new IllegalArgumentException(
                    "errorStatuses must be a non-empty subset of [500, 502, 503], got "
                            + errorStatuses);
        }
        checkNonNegative("timeoutMs", timeoutMs);
        checkNonNegative("outageSeconds", outageSeconds);
        checkNonNegative("rateLimitRps", rateLimitRps);
        checkNonNegative("dailyQuotaRecords", dailyQuotaRecords);
    }

    /** No faults at all. */
    public static FaultSettings none() {
        return new FaultSettings(
                Latency.NONE,
                0,
                List.of(500, 502, 503),
                0,
                5_000,
                0,
                0,
                0,
                0,
                FailNext.NONE,
                WebhookFaults.NONE);
    }

    public FaultSettings withLatency(Latency value) {
        return new FaultSettings(
                value,
                errorRate,
                errorStatuses,
                timeoutRate,
                timeoutMs,
                resetRate,
                outageSeconds,
                rateLimitRps,
                dailyQuotaRecords,
                failNext,
                webhooks);
    }

    public FaultSettings withErrors(double rate, List<Integer> statuses) {
        return new FaultSettings(
                latency,
                rate,
                statuses,
                timeoutRate,
                timeoutMs,
                resetRate,
                outageSeconds,
                rateLimitRps,
                dailyQuotaRecords,
                failNext,
                webhooks);
    }

    public FaultSettings withTimeouts(double rate, long holdMs) {
        return new FaultSettings(
                latency,
                errorRate,
                errorStatuses,
                rate,
                holdMs,
                resetRate,
                outageSeconds,
                rateLimitRps,
                dailyQuotaRecords,
                failNext,
                webhooks);
    }

    public FaultSettings withResetRate(double rate) {
        return new FaultSettings(
                latency,
                errorRate,
                errorStatuses,
                timeoutRate,
                timeoutMs,
                rate,
                outageSeconds,
                rateLimitRps,
                dailyQuotaRecords,
                failNext,
                webhooks);
    }

    public FaultSettings withOutageSeconds(long seconds) {
        return new FaultSettings(
                latency,
                errorRate,
                errorStatuses,
                timeoutRate,
                timeoutMs,
                resetRate,
                seconds,
                rateLimitRps,
                dailyQuotaRecords,
                failNext,
                webhooks);
    }

    public FaultSettings withRateLimitRps(int rps) {
        return new FaultSettings(
                latency,
                errorRate,
                errorStatuses,
                timeoutRate,
                timeoutMs,
                resetRate,
                outageSeconds,
                rps,
                dailyQuotaRecords,
                failNext,
                webhooks);
    }

    public FaultSettings withDailyQuotaRecords(long records) {
        return new FaultSettings(
                latency,
                errorRate,
                errorStatuses,
                timeoutRate,
                timeoutMs,
                resetRate,
                outageSeconds,
                rateLimitRps,
                records,
                failNext,
                webhooks);
    }

    public FaultSettings withFailNext(int count, int status) {
        return new FaultSettings(
                latency,
                errorRate,
                errorStatuses,
                timeoutRate,
                timeoutMs,
                resetRate,
                outageSeconds,
                rateLimitRps,
                dailyQuotaRecords,
                new FailNext(count, status),
                webhooks);
    }

    public FaultSettings withWebhooks(WebhookFaults value) {
        return new FaultSettings(
                latency,
                errorRate,
                errorStatuses,
                timeoutRate,
                timeoutMs,
                resetRate,
                outageSeconds,
                rateLimitRps,
                dailyQuotaRecords,
                failNext,
                value);
    }

    private static void checkRate(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " must be in [0, 1], got " + value);
        }
    }

    private static void checkNonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, got " + value);
        }
    }

    /**
     * Added latency. {@code fixed} waits {@code p50Ms}; {@code uniform} draws from the uniform
     * range with that median and 99th percentile; {@code lognormal} from the log-normal
     * distribution with that median and 99th percentile.
     *
     * @param distribution one of {@code none, fixed, uniform, lognormal}
     * @param p50Ms median, milliseconds
     * @param p99Ms 99th percentile, milliseconds; at least {@code p50Ms}
     */
    public record Latency(String distribution, long p50Ms, long p99Ms) {
        public static final Set<String> DISTRIBUTIONS =
                Set.of("none", "fixed", "uniform", "lognormal");

        public static final Latency NONE = new Latency("none", 0, 0);

        public Latency {
            if (!DISTRIBUTIONS.contains(distribution)) {
                throw new IllegalArgumentException(
                        "distribution must be one of none, fixed, uniform, lognormal, got "
                                + distribution);
            }
            if (p50Ms < 0 || p99Ms < p50Ms) {
                throw new IllegalArgumentException(
                        "latency needs 0 <= p50Ms <= p99Ms, got p50Ms="
                                + p50Ms
                                + ", p99Ms="
                                + p99Ms);
            }
        }
    }

    /**
     * Deterministic failures: the next {@code count} {@code /v1} requests answer {@code status}.
     *
     * @param count how many requests fail; 0 = none
     * @param status the status, 400 to 599
     */
    public record FailNext(int count, int status) {
        public static final FailNext NONE = new FailNext(0, 503);

        public FailNext {
            if (count < 0) {
                throw new IllegalArgumentException("failNext.count must be >= 0, got " + count);
            }
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException(
                        "failNext.status must be in 400..599, got " + status);
            }
        }
    }

    /**
     * Faults of webhook delivery.
     *
     * @param delayMs added delay before each delivery attempt, milliseconds
     * @param duplicateRate share of events delivered twice (same {@code webhook-id})
     * @param reorder whether events are shuffled within a small window before delivery
     */
    public record WebhookFaults(long delayMs, double duplicateRate, boolean reorder) {
        public static final WebhookFaults NONE = new WebhookFaults(0, 0, false);

        public WebhookFaults {
            checkNonNegative("webhooks.delayMs", delayMs);
            checkRate("webhooks.duplicateRate", duplicateRate);
        }
    }
}
