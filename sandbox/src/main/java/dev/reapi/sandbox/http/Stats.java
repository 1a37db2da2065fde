package dev.reapi.sandbox.http;

import dev.reapi.sandbox.StatsSnapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/** The billing counters: exact under concurrency (LongAdder), lock-free. Thread-safe. */
public final class Stats {
    /**
     * The operations counted: the v1 contract's operationIds ({@code getHealth} is not counted) and
     * the v2 endpoints as {@code v2.<vendor endpoint name>}.
     */
    public static final List<String> OPERATIONS =
            List.of(
                    "searchProperties",
                    "getPropertiesBulk",
                    "getUpdatedProperties",
                    "getProperty",
                    "getValuationById",
                    "getValuationByAddress",
                    "getDemographics",
                    "getNearbySchools",
                    "v2.PropertySearch",
                    "v2.PropertyDetail",
                    "v2.PropertyDetailBulk",
                    "v2.PropertyAvm",
                    "v2.PropertyAvmBulk",
                    "v2.PropertyComps",
                    "v2.ChangeFiles",
                    "v2.KeyInfo");

    private final LongAdder requests = new LongAdder();
    private final LongAdder records = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> requestsByEndpoint = adders(OPERATIONS);
    private final ConcurrentHashMap<String, LongAdder> recordsByEndpoint = adders(OPERATIONS);
    private final ConcurrentHashMap<String, LongAdder> requestsByKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> recordsByKey = new ConcurrentHashMap<>();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder quotaExhausted = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> faults = new ConcurrentHashMap<>();

    private static ConcurrentHashMap<String, LongAdder> adders(List<String> keys) {
        ConcurrentHashMap<String, LongAdder> map = new ConcurrentHashMap<>();
        keys.forEach(k -> map.put(k, new LongAdder()));
        return map;
    }

    /** Counts a request; {@code apiKey} is null unless it is a known key. */
    void request(String operation, @Nullable String apiKey) {
        requests.increment();
        requestsByEndpoint.get(operation).increment();
        if (apiKey != null) {
            requestsByKey.computeIfAbsent(apiKey, k -> new LongAdder()).increment();
        }
    }

    void bill(String operation, String apiKey, long count) {
        records.add(count);
        recordsByEndpoint.get(operation).add(count);
        recordsByKey.computeIfAbsent(apiKey, k -> new LongAdder()).add(count);
    }

    void rateLimited() {
        rateLimited.increment();
    }

    void quotaExhausted() {
        quotaExhausted.increment();
    }

    void fault(String kind) {
        faults.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    public StatsSnapshot snapshot() {
        return new StatsSnapshot(
                requests.sum(),
                records.sum(),
                sums(requestsByEndpoint),
                sums(recordsByEndpoint),
                sums(requestsByKey),
                sums(recordsByKey),
                rateLimited.sum(),
                quotaExhausted.sum(),
                sums(faults));
    }

    /** Zeroes every counter. Increments racing with a reset land on one side of it. */
    public void reset() {
        requests.reset();
        records.reset();
        requestsByEndpoint.values().forEach(LongAdder::reset);
        recordsByEndpoint.values().forEach(LongAdder::reset);
        requestsByKey.values().forEach(LongAdder::reset);
        recordsByKey.values().forEach(LongAdder::reset);
        rateLimited.reset();
        quotaExhausted.reset();
        faults.values().forEach(LongAdder::reset);
    }

    private static Map<String, Long> sums(Map<String, LongAdder> adders) {
        Map<String, Long> out = new TreeMap<>();
        adders.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
