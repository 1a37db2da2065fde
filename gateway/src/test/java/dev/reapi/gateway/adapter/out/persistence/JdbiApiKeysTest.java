package dev.reapi.gateway.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.gateway.application.port.out.ApiKeys.IssuedKey;
import dev.reapi.gateway.application.port.out.ApiKeys.KeySummary;
import dev.reapi.gateway.domain.user.EndpointClass;
import dev.reapi.gateway.domain.user.Plan;
import dev.reapi.gateway.domain.user.Principal;
import dev.reapi.gateway.domain.user.RateLimit;
import dev.reapi.gateway.domain.user.UnknownPlanException;
import dev.reapi.gateway.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbiApiKeysTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    @TempDir Path dir;
    private final TestDatabases databases = new TestDatabases();
    private final MutableClock clock = MutableClock.atEpochOf2026();
    private final Map<String, Plan> plans =
            new HashMap<>(Map.of("free", plan("free", 10), "pro", plan("pro", 100)));

    @AfterEach
    void closeDatabases() {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void authenticate_issuedKey_returnsItsUser(Database.Dialect dialect) {
        JdbiApiKeys keys = keys(databases.open(dialect, dir), 1);

        IssuedKey issued = keys.issue("alice", "pro", true);
        Optional<Principal> principal = keys.authenticate(issued.rawKey());

        assertThat(issued.rawKey()).matches("rk_live_[a-z0-9]{8}_[A-Za-z0-9]{32}");
        assertThat(issued.rawKey()).startsWith("rk_live_" + issued.summary().prefix() + "_");
        assertThat(principal)
                .contains(
                        new Principal(
                                issued.summary().userId(),
                                "alice",
                                plans.get("pro"),
                                true,
                                issued.summary().prefix()));
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void issue_storesOnlyTheHash(Database.Dialect dialect) {
        Database database = databases.open(dialect, dir);
        JdbiApiKeys keys = keys(database, 2);

        IssuedKey issued = keys.issue("bob", "free", false);
        List<Map<String, Object>> rows =
                database.jdbi()
                        .withHandle(h -> h.createQuery("SELECT * FROM api_keys").mapToMap().list());

        assertThat(rows).hasSize(1);
        String secret = issued.rawKey().substring(issued.rawKey().lastIndexOf('_') + 1);
        assertThat(rows.getFirst().values())
                .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(secret));
        assertThat(rows.getFirst().get("hash")).isEqualTo(ApiKeyFormat.hash(issued.rawKey()));
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void authenticate_revokedKey_isEmptyAtOnce(Database.Dialect dialect) {
        JdbiApiKeys keys = keys(databases.open(dialect, dir), 3);
        IssuedKey issued = keys.issue("carol", "free", false);
        assertThat(keys.authenticate(issued.rawKey())).isPresent();
        clock.advance(Duration.ofMinutes(5));

        boolean revoked = keys.revoke(issued.summary().prefix());

        assertThat(revoked).isTrue();
        assertThat(keys.authenticate(issued.rawKey())).isEmpty();
        assertThat(keys.list(issued.summary().prefix()))
                .singleElement()
                .extracting(KeySummary::revokedAt)
                .isEqualTo(Optional.of(clock.instant()));
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void list_byPrefix_returnsMatchingKeysNewestFirst(Database.Dialect dialect) {
        JdbiApiKeys keys = keys(databases.open(dialect, dir), 4);
        IssuedKey first = keys.issue("dave", "free", false);
        clock.advance(Duration.ofSeconds(1));
        IssuedKey second = keys.issue("erin", "pro", false);
        clock.advance(Duration.ofSeconds(1));
        IssuedKey third = keys.issue("dave", "free", true);

        List<KeySummary> all = keys.list("");
        List<KeySummary> one = keys.list("rk_live_" + second.summary().prefix());

        assertThat(all).containsExactly(third.summary(), second.summary(), first.summary());
        assertThat(one).containsExactly(second.summary());
        assertThat(keys.list("no_such%")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void revoke_unknownOrMalformedPrefix_returnsFalse(Database.Dialect dialect) {
        JdbiApiKeys keys = keys(databases.open(dialect, dir), 5);

        assertThat(keys.revoke("abcd1234")).isFalse();
        assertThat(keys.revoke("' OR 1=1 --")).isFalse();
    }

    /** Writers queue on SQLite's single write lock instead of failing with SQLITE_BUSY. */
    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    @Timeout(60)
    void issue_concurrentWriters_allSucceed(Database.Dialect dialect) throws Exception {
        JdbiApiKeys keys = keys(databases.open(dialect, dir), 13);
        List<Future<IssuedKey>> issued = new ArrayList<>();

        try (ExecutorService executor = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 80; i++) {
                String user = "user" + (i % 10);
                issued.add(executor.submit(() -> keys.issue(user, "free", false)));
            }
        }

        for (Future<IssuedKey> future : issued) {
            assertThat(keys.authenticate(future.get().rawKey())).isPresent();
        }
        assertThat(keys.list("")).hasSize(80);
    }

    @Test
    void authenticate_wrongSecretOrMalformedKey_isEmpty() {
        JdbiApiKeys keys = keys(databases.open(Database.Dialect.SQLITE, dir), 6);
        IssuedKey issued = keys.issue("frank", "free", false);
        String forged = "rk_live_" + issued.summary().prefix() + "_" + "A".repeat(32);

        assertThat(keys.authenticate(forged)).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(issued.rawKey() + " ")).isEmpty();
        assertThat(keys.authenticate(issued.rawKey())).isPresent();
    }

    @Test
    void authenticate_keyRevokedOnAnotherInstance_worksUntilCacheExpires() {
        Database database = databases.open(Database.Dialect.SQLITE, dir);
        JdbiApiKeys here = keys(database, 7);
        JdbiApiKeys there = keys(database, 8);
        IssuedKey issued = here.issue("grace", "free", false);
        assertThat(there.authenticate(issued.rawKey())).isPresent();

        here.revoke(issued.summary().prefix());

        assertThat(there.authenticate(issued.rawKey())).isPresent();
        clock.advance(TTL.plusMillis(1));
        assertThat(there.authenticate(issued.rawKey())).isEmpty();
    }

    @Test
    void issue_unknownPlan_failsNamingThePlan() {
        JdbiApiKeys keys = keys(databases.open(Database.Dialect.SQLITE, dir), 9);

        assertThatThrownBy(() -> keys.issue("heidi", "platinum", false))
                .isInstanceOf(UnknownPlanException.class)
                .hasMessageContaining("'platinum'");
    }

    @Test
    void issue_existingUserWithAnotherPlan_movesTheUser() {
        JdbiApiKeys keys = keys(databases.open(Database.Dialect.SQLITE, dir), 10);
        IssuedKey old = keys.issue("ivan", "free", false);

        IssuedKey fresh = keys.issue("ivan", "pro", false);

        assertThat(fresh.summary().userId()).isEqualTo(old.summary().userId());
        assertThat(keys.list("").stream().map(KeySummary::plan)).containsOnly("pro");
    }

    @Test
    void authenticate_planRemovedFromConfiguration_isEmpty() {
        JdbiApiKeys keys = keys(databases.open(Database.Dialect.SQLITE, dir), 11);
        IssuedKey issued = keys.issue("judy", "pro", false);

        plans.remove("pro");

        assertThat(keys.authenticate(issued.rawKey())).isEmpty();
    }

    @Test
    void issue_invalidUserName_isRejectedNamingTheField() {
        JdbiApiKeys keys = keys(databases.open(Database.Dialect.SQLITE, dir), 12);

        assertThatThrownBy(() -> keys.issue(" ", "free", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("userName");
    }

    private JdbiApiKeys keys(Database database, long seed) {
        Function<String, Optional<Plan>> lookup = name -> Optional.ofNullable(plans.get(name));
        return new JdbiApiKeys(database.jdbi(), lookup, clock, new SplittableRandom(seed), TTL);
    }

    private static Plan plan(String name, long perMinute) {
        Map<EndpointClass, RateLimit> limits =
                Arrays.stream(EndpointClass.values())
                        .collect(
                                Collectors.toMap(
                                        cls -> cls,
                                        cls -> new RateLimit(perMinute, Duration.ofMinutes(1))));
        return new Plan(name, limits, java.util.OptionalLong.empty());
    }
}
