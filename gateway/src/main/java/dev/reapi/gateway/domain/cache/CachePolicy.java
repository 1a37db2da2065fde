package dev.reapi.gateway.domain.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long answers of each {@link DataType} are fresh, how long an expired one may still be served
 * while it is refreshed behind the caller (stale-while-revalidate), and how long it is kept to
 * answer when the upstream fails (stale-if-error). Immutable and thread-safe.
 *
 * <p>Defaults ({@link #defaults()}):
 *
 * <pre>
 * type          ttl     grace    retention
 * details       1 h     5 min    7 days
 * search        5 min   1 min    1 h
 * valuation     24 h    1 h      7 days
 * demographics  7 days  1 day    30 days
 * schools       7 days  1 day    30 days
 * not found     60 s    none     none
 * </pre>
 *
 * @param rules one rule for every data type
 * @param negativeTtl how long a "not found" answer is remembered (default 60 s)
 */
public record CachePolicy(Map<DataType, Rule> rules, Duration negativeTtl) {

    public CachePolicy {
        var copy = new EnumMap<DataType, Rule>(DataType.class);
        copy.putAll(rules);
        for (DataType type : DataType.values()) {
            if (!copy.containsKey(type)) {
                throw new IllegalArgumentException("cache policy has no rule for " + type.key());
            }
        }
        rules = Map.copyOf(copy);
        Objects.requireNonNull(negativeTtl, "negativeTtl");
        if (negativeTtl.isNegative()) {
            throw new IllegalArgumentException("negativeTtl must be >= 0, was " + negativeTtl);
        }
    }

    /** The documented defaults. */
    public static CachePolicy defaults() {
        var rules = new EnumMap<DataType, Rule>(DataType.class);
        rules.put(DataType.DETAILS, new Rule(hours(1), minutes(5), days(7)));
        rules.put(DataType.SEARCH, new Rule(minutes(5), minutes(1), hours(1)));
        rules.put(DataType.VALUATION, new Rule(hours(24), hours(1), days(7)));
        rules.put(DataType.DEMOGRAPHICS, new Rule(days(7), days(1), days(30)));
        rules.put(DataType.SCHOOLS, new Rule(days(7), days(1), days(30)));
        return new CachePolicy(rules, Duration.ofSeconds(60));
    }

    /** This policy with {@code type}'s rule replaced. */
    public CachePolicy with(DataType type, Rule rule) {
        var copy = new EnumMap<DataType, Rule>(rules);
        copy.put(type, rule);
        return new CachePolicy(copy, negativeTtl);
    }

    /** This policy with another time to live for "not found" answers. */
    public CachePolicy withNegativeTtl(Duration ttl) {
        return new CachePolicy(rules, ttl);
    }

    /** The rule for {@code type}. */
    public Rule rule(DataType type) {
        return rules.get(type);
    }

    /** How long a store should keep {@code entry} of {@code type}: past that it is never used. */
    public Duration keepFor(DataType type, CacheEntry entry) {
        return entry.negative() ? negativeTtl : rule(type).keepFor();
    }

    /** How long {@code entry} of {@code type} is fresh. */
    public Duration freshFor(DataType type, CacheEntry entry) {
        return entry.negative() ? negativeTtl : rule(type).ttl();
    }

    /** How usable {@code entry} of {@code type} is at {@code now}. */
    public Freshness freshness(DataType type, CacheEntry entry, Instant now) {
        Duration age = entry.age(now);
        if (entry.negative()) {
            return age.compareTo(negativeTtl) < 0 ? Freshness.FRESH : Freshness.EXPIRED;
        }
        Rule rule = rule(type);
        if (age.compareTo(rule.ttl()) < 0) {
            return Freshness.FRESH;
        }
        if (age.compareTo(rule.ttl().plus(rule.grace())) < 0) {
            return Freshness.REVALIDATE;
        }
        if (age.compareTo(rule.keepFor()) < 0) {
            return Freshness.STALE_IF_ERROR;
        }
        return Freshness.EXPIRED;
    }

    private static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }

    private static Duration hours(long n) {
        return Duration.ofHours(n);
    }

    private static Duration days(long n) {
        return Duration.ofDays(n);
    }

    /**
     * The lifetimes of one data type.
     *
     * @param ttl how long an answer is fresh; must be positive
     * @param grace how long past {@code ttl} an answer is served while refreshed behind the caller
     * @param retention how long past {@code ttl} an answer is kept to serve when the upstream
     *     fails; at least {@code grace}
     */
    public record Rule(Duration ttl, Duration grace, Duration retention) {

        public Rule {
            Objects.requireNonNull(ttl, "ttl");
            Objects.requireNonNull(grace, "grace");
            Objects.requireNonNull(retention, "retention");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("ttl must be positive, was " + ttl);
            }
            if (grace.isNegative()) {
                throw new IllegalArgumentException("grace must be >= 0, was " + grace);
            }
            if (retention.compareTo(grace) < 0) {
                throw new IllegalArgumentException(
                        "retention must be >= grace " + grace + ", was " + retention);
            }
        }

        /** Time to live plus retention: how long the entry is worth keeping at all. */
        public Duration keepFor() {
            return ttl.plus(retention);
        }
    }
}
