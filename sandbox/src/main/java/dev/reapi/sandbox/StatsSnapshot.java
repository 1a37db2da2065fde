package dev.reapi.sandbox;

import java.util.Map;
import java.util.Objects;

/**
 * The billing counters at one moment: what a vendor would invoice. Records are counted per property
 * in a search page, bulk answer, updated page or detail, and one per valuation, demographics answer
 * or school list. A request answered by an injected fault, a rejection or an error bills nothing.
 * {@code /v1/health} is neither counted nor billed.
 *
 * @param requestsTotal {@code /v1} requests received, whatever their answer
 * @param recordsTotal billed records
 * @param requestsByEndpoint requests by operationId of the contract
 * @param recordsByEndpoint billed records by operationId
 * @param requestsByApiKey requests by known API key
 * @param recordsByApiKey billed records by known API key
 * @param rateLimitedTotal requests answered 429 with {@code limit: rate}
 * @param quotaExhaustedTotal requests answered 429 with {@code limit: quota}
 * @param faultsInjectedTotal injected faults by kind ({@code latency, error, timeout, reset,
 *     outage, fail_next})
 */
public record StatsSnapshot(
        long requestsTotal,
        long recordsTotal,
        Map<String, Long> requestsByEndpoint,
        Map<String, Long> recordsByEndpoint,
        Map<String, Long> requestsByApiKey,
        Map<String, Long> recordsByApiKey,
        long rateLimitedTotal,
        long quotaExhaustedTotal,
        Map<String, Long> faultsInjectedTotal) {

    public StatsSnapshot {
        requestsByEndpoint = Map.copyOf(Objects.requireNonNull(requestsByEndpoint));
        recordsByEndpoint = Map.copyOf(Objects.requireNonNull(recordsByEndpoint));
        requestsByApiKey = Map.copyOf(Objects.requireNonNull(requestsByApiKey));
        recordsByApiKey = Map.copyOf(Objects.requireNonNull(recordsByApiKey));
        faultsInjectedTotal = Map.copyOf(Objects.requireNonNull(faultsInjectedTotal));
    }

    /** Billed records of one operation (0 when none). */
    public long records(String operationId) {
        return recordsByEndpoint.getOrDefault(operationId, 0L);
    }

    /** Requests of one operation (0 when none). */
    public long requests(String operationId) {
        return requestsByEndpoint.getOrDefault(operationId, 0L);
    }

    /** Injected faults of one kind (0 when none). */
    public long faults(String kind) {
        return faultsInjectedTotal.getOrDefault(kind, 0L);
    }
}
