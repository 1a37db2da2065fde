package dev.reapi.gateway.config;

import dev.reapi.gateway.domain.user.EndpointClass;
import dev.reapi.gateway.domain.user.Plan;
import dev.reapi.gateway.domain.user.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads the {@code plans} section into plans by name, over the built-in {@code free} and {@code
 * pro}; every error names its key.
 */
final class PlansParser {

    private static final long WINDOW_15_MIN_S = 900;

    private PlansParser() {}

    static Map<String, Plan> parse(Section s) {
        Map<String, Plan> plans = new LinkedHashMap<>();
        plans.put("free", defaultPlan("free", 1));
        plans.put("pro", defaultPlan("pro", 10));
        for (String name : s.keys()) {
            plans.put(name, plan(name, s.section(name)));
        }
        return plans;
    }

    private static Plan defaultPlan(String name, int factor) {
        var limits = new EnumMap<EndpointClass, RateLimit>(EndpointClass.class);
        Duration window = Duration.ofSeconds(WINDOW_15_MIN_S);
        limits.put(EndpointClass.SEARCH, new RateLimit(100L * factor, window));
        limits.put(EndpointClass.DETAILS, new RateLimit(500L * factor, window));
        limits.put(EndpointClass.JOBS, new RateLimit(50L * factor, window));
        return new Plan(name, limits, OptionalLong.empty());
    }

    private static Plan plan(String name, Section s) {
        List<String> allowed = new ArrayList<>(List.of("daily_record_cap"));
        for (EndpointClass cls : EndpointClass.values()) {
            allowed.add(cls.key());
        }
        s.only(allowed.toArray(String[]::new));
        var limits = new EnumMap<EndpointClass, RateLimit>(EndpointClass.class);
        for (EndpointClass cls : EndpointClass.values()) {
            Section limit = s.section(cls.key());
            limit.only("requests", "window_s");
            if (!s.has(cls.key())) {
                throw new ConfigException(
                        limit.path("requests")
                                + ": missing; every plan needs a limit per endpoint class");
            }
            limits.put(
                    cls,
                    new RateLimit(
                            limit.integer("requests", 0, 1, 1_000_000_000),
                            Duration.ofSeconds(
                                    limit.integer("window_s", WINDOW_15_MIN_S, 1, 86_400 * 31))));
        }
        OptionalLong cap =
                s.has("daily_record_cap")
                        ? OptionalLong.of(s.integer("daily_record_cap", 0, 1, Long.MAX_VALUE))
                        : OptionalLong.empty();
        try {
            return new Plan(name, limits, cap);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(s.prefix() + ": " + e.getMessage(), e);
        }
    }
}
