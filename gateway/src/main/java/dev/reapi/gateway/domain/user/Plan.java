package dev.reapi.gateway.domain.user;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A named set of limits a user is on: one rate limit per endpoint class and an optional cap on
 * upstream records billed to the user per UTC day.
 */
public record Plan(String name, Map<EndpointClass, RateLimit> limits, OptionalLong dailyRecordCap) {

    public Plan {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException(
                    "plan name must be 1-32 of [a-z0-9_-] starting alphanumeric, was '"
                            + name
                            + "'");
        }
        var copy = new EnumMap<EndpointClass, RateLimit>(EndpointClass.class);
        copy.putAll(limits);
        for (EndpointClass cls : EndpointClass.values()) {
            if (!copy.containsKey(cls)) {
                throw new IllegalArgumentException(
                        "plan '" + name + "' has no limit for endpoint class " + cls.key());
            }
        }
        limits = Map.copyOf(copy);
        Objects.requireNonNull(dailyRecordCap, "dailyRecordCap");
    }

    /** The limit for one endpoint class; every plan has one for each. */
    public RateLimit limit(EndpointClass cls) {
        return limits.get(cls);
    }
}
