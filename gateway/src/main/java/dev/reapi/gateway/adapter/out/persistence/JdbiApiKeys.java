package dev.reapi.gateway.adapter.out.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.reapi.gateway.application.port.out.ApiKeys;
import dev.reapi.gateway.domain.user.Plan;
import dev.reapi.gateway.domain.user.Principal;
import dev.reapi.gateway.domain.user.UnknownPlanException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys in the gateway's database, stored as SHA-256 hashes.
 *
 * <p>Why SHA-256 and not bcrypt: a key carries about 190 random bits, so a guessing attack on a
 * leaked hash is hopeless whatever the hash's cost; a deliberately slow hash guards low-entropy
 * passwords, and would cost every request tens of milliseconds of CPU for no gain here.
 *
 * <p>{@link #authenticate} runs on every request, so successful lookups are cached in memory for a
 * short time (default {@link #DEFAULT_CACHE_TTL}); unknown keys are not cached. {@link #revoke}
 * clears this instance's cache at once, but another gateway instance on the same database may
 * accept a revoked key until its cached entry expires, that is for up to the cache TTL. A user's
 * plan is resolved from the configuration at lookup time, so a plan change also takes up to the TTL
 * to show.
 *
 * <p>{@link #issue} creates the user on first use; issuing a key with another plan for an existing
 * user moves that user, and all its keys, to the new plan.
 *
 * <p>Thread-safe.
 */
public final class JdbiApiKeys implements ApiKeys {

    /** How long a successful lookup is remembered by default. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);

    private static final int CACHE_MAX_ENTRIES = 10_000;
    private static final int MAX_PREFIX_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(JdbiApiKeys.class);

    private static final String SELECT_KEYS =
            """
            SELECT k.prefix, k.hash, k.admin, k.created_at, k.revoked_at,
                   u.id AS user_id, u.name AS user_name, u.plan
            FROM api_keys k JOIN users u ON u.id = k.user_id
            """;

    private final Jdbi jdbi;
    private final Function<String, Optional<Plan>> plans;
    private final Clock clock;
    private final RandomGenerator random;
    private final Cache<String, Principal> verified;
    private final AtomicLong revocations = new AtomicLong();

    /**
     * Keys with a {@link SecureRandom}, the system clock's time and a cache TTL of {@link
     * #DEFAULT_CACHE_TTL}.
     *
     * @param plans the configured plans by name
     */
    public JdbiApiKeys(Jdbi jdbi, Function<String, Optional<Plan>> plans) {
        this(jdbi, plans, Clock.systemUTC(), new SecureRandom(), DEFAULT_CACHE_TTL);
    }

    /**
     * Keys with everything injected.
     *
     * @param plans the configured plans by name
     * @param clock the source of creation and revocation times, and of the cache's time
     * @param random the source of new keys and user ids; must be secure outside tests
     * @param cacheTtl how long a successful lookup is remembered; zero disables the cache
     */
    public JdbiApiKeys(
            Jdbi jdbi,
            Function<String, Optional<Plan>> plans,
            Clock clock,
            RandomGenerator random,
            Duration cacheTtl) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("cacheTtl must not be negative, was " + cacheTtl);
        }
        this.verified =
                Caffeine.newBuilder()
                        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                        .expireAfterWrite(cacheTtl)
                        .maximumSize(cacheTtl.isZero() ? 0 : CACHE_MAX_ENTRIES)
                        .build();
    }

    @Override
    public Optional<Principal> authenticate(String presentedKey) {
        Optional<String> prefix = ApiKeyFormat.prefixOf(presentedKey);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }

        // Keyed by the hash so that raw keys are not kept on the heap.
        String hash = ApiKeyFormat.hash(presentedKey);
        Principal cached = verified.getIfPresent(hash);
        if (cached != null) {
            return Optional.of(cached);
        }

        // A revocation racing with this lookup must not leave the revoked key in the cache.
        long revocationsBefore = revocations.get();
        Optional<Principal> found = lookUp(prefix.get(), presentedKey);
        if (found.isPresent() && revocations.get() == revocationsBefore) {
            verified.put(hash, found.get());
        }
        return found;
    }

    @Override
    public IssuedKey issue(String userName, String planName, boolean admin) {
        validateUserName(userName);
        if (plans.apply(planName).isEmpty()) {
            throw new UnknownPlanException(planName);
        }
        Instant now = now();

        return jdbi.inTransaction(
                handle -> {
                    String userId = findOrCreateUser(handle, userName, planName, now);
                    String key = unusedKey(handle);
                    String prefix = ApiKeyFormat.prefixOf(key).orElseThrow();
                    handle.createUpdate(
                                    "INSERT INTO api_keys (prefix, user_id, hash, admin,"
                                            + " created_at) VALUES (:prefix, :userId, :hash,"
                                            + " :admin, :now)")
                            .bind("prefix", prefix)
                            .bind("userId", userId)
                            .bind("hash", ApiKeyFormat.hash(key))
                            .bind("admin", admin)
                            .bind("now", Timestamp.from(now))
                            .execute();
                    LOG.info(
                            "Issued API key {} for user {} on plan {}", prefix, userName, planName);
                    var summary =
                            new KeySummary(
                                    prefix,
                                    userId,
                                    userName,
                                    planName,
                                    admin,
                                    now,
                                    Optional.empty());
                    return new IssuedKey(key, summary);
                });
    }

    @Override
    public List<KeySummary> list(String prefix) {
        Optional<String> bare = ApiKeyFormat.normalisePrefix(prefix);
        if (bare.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        SELECT_KEYS
                                                + " WHERE k.prefix LIKE :pattern"
                                                + " ORDER BY k.created_at DESC, k.prefix")
                                .bind("pattern", bare.get() + "%")
                                .map((rs, ctx) -> summary(rs))
                                .list());
    }

    @Override
    public boolean revoke(String prefix) {
        Optional<String> bare =
                ApiKeyFormat.normalisePrefix(prefix)
                        .filter(p -> p.length() == ApiKeyFormat.PREFIX_LENGTH);
        if (bare.isEmpty()) {
            return false;
        }
        Instant now = now();

        boolean exists =
                jdbi.inTransaction(
                        handle -> {
                            handle.createUpdate(
                                            "UPDATE api_keys SET revoked_at = :now"
                                                    + " WHERE prefix = :prefix"
                                                    + " AND revoked_at IS NULL")
                                    .bind("now", Timestamp.from(now))
                                    .bind("prefix", bare.get())
                                    .execute();
                            return handle.createQuery(
                                                    "SELECT COUNT(*) FROM api_keys WHERE prefix ="
                                                            + " :prefix")
                                            .bind("prefix", bare.get())
                                            .mapTo(Integer.class)
                                            .one()
                                    > 0;
                        });

        revocations.incrementAndGet();
        verified.asMap().values().removeIf(p -> p.keyPrefix().equals(bare.get()));
        if (exists) {
            LOG.info("Revoked API key {}", bare.get());
        }
        return exists;
    }

    private Optional<Principal> lookUp(String prefix, String presentedKey) {
        Optional<StoredKey> stored =
                jdbi.withHandle(
                        handle ->
                                handle.createQuery(SELECT_KEYS + " WHERE k.prefix = :prefix")
                                        .bind("prefix", prefix)
                                        .map(
                                                (rs, ctx) ->
                                                        new StoredKey(
                                                                rs.getString("hash"), summary(rs)))
                                        .findOne());
        if (stored.isEmpty()
                || stored.get().summary().revokedAt().isPresent()
                || !ApiKeyFormat.matches(presentedKey, stored.get().hash())) {
            return Optional.empty();
        }

        KeySummary key = stored.get().summary();
        Optional<Plan> plan = plans.apply(key.plan());
        if (plan.isEmpty()) {
            LOG.warn(
                    "Rejecting API key {}: user {} is on plan '{}', which is not configured",
                    key.prefix(),
                    key.userName(),
                    key.plan());
            return Optional.empty();
        }
        return Optional.of(
                new Principal(key.userId(), key.userName(), plan.get(), key.admin(), key.prefix()));
    }

    private String findOrCreateUser(Handle handle, String userName, String planName, Instant now) {
        handle.createUpdate(
                        "INSERT INTO users (id, name, plan, created_at)"
                                + " VALUES (:id, :name, :plan, :now)"
                                + " ON CONFLICT (name) DO NOTHING")
                .bind("id", newUserId())
                .bind("name", userName)
                .bind("plan", planName)
                .bind("now", Timestamp.from(now))
                .execute();

        UserRow user =
                handle.createQuery("SELECT id, plan FROM users WHERE name = :name")
                        .bind("name", userName)
                        .map((rs, ctx) -> new UserRow(rs.getString("id"), rs.getString("plan")))
                        .one();
        if (!user.plan().equals(planName)) {
            handle.createUpdate("UPDATE users SET plan = :plan WHERE id = :id")
                    .bind("plan", planName)
                    .bind("id", user.id())
                    .execute();
            LOG.info("User {} moved from plan {} to {}", userName, user.plan(), planName);
        }
        return user.id();
    }

    private String unusedKey(Handle handle) {
        for (int attempt = 0; attempt < MAX_PREFIX_ATTEMPTS; attempt++) {
            String key = newKey();
            boolean taken =
                    handle.createQuery("SELECT COUNT(*) FROM api_keys WHERE prefix = :prefix")
                                    .bind("prefix", ApiKeyFormat.prefixOf(key).orElseThrow())
                                    .mapTo(Integer.class)
                                    .one()
                            > 0;
            if (!taken) {
                return key;
            }
        }
        throw new IllegalStateException(
                "no unused key prefix after " + MAX_PREFIX_ATTEMPTS + " attempts");
    }

    private String newKey() {
        // Generators such as SplittableRandom are not thread-safe; issuing is rare enough to lock.
        synchronized (random) {
            return ApiKeyFormat.generate(random);
        }
    }

    private String newUserId() {
        synchronized (random) {
            return "u_" + ApiKeyFormat.draw(random, ApiKeyFormat.PREFIX_ALPHABET, 16);
        }
    }

    private static KeySummary summary(ResultSet rs) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new KeySummary(
                rs.getString("prefix"),
                rs.getString("user_id"),
                rs.getString("user_name"),
                rs.getString("plan"),
                rs.getBoolean("admin"),
                rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(revokedAt).map(Timestamp::toInstant));
    }

    private Instant now() {
        // Both databases keep at least milliseconds; truncating makes stored times round-trip.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void validateUserName(String userName) {
        Objects.requireNonNull(userName, "userName");
        if (userName.isBlank()
                || userName.length() > 64
                || !userName.strip().equals(userName)
                || userName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "userName must be 1-64 characters without control characters or surrounding"
                            + " spaces, was '"
                            + userName.replaceAll("\\p{Cntrl}", "?")
                            + "'");
        }
    }

    private record StoredKey(String hash, KeySummary summary) {}

    private record UserRow(String id, String plan) {}
}
