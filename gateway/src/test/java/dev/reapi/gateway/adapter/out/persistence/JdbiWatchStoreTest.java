package dev.reapi.gateway.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.client.model.Filters;
import dev.reapi.client.model.PropertyType;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.domain.watch.Watch;
import dev.reapi.gateway.domain.watch.WatchKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbiWatchStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir Path dir;
    private final TestDatabases databases = new TestDatabases();

    @AfterEach
    void closeDatabases() {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void add_savedSearch_roundTripsItsCriteria(Database.Dialect dialect) {
        JdbiWatchStore store = store(dialect);
        SearchRequest criteria =
                SearchRequest.radius(30.27, -97.74, 12.5)
                        .withFilters(
                                Filters.builder()
                                        .price(100_000L, 500_000L)
                                        .bathsMin(1.5)
                                        .propertyTypes(PropertyType.CONDO, PropertyType.TOWNHOUSE)
                                        .build());
        Watch search =
                Watch.ofSearch(id(1), "alice", criteria, Optional.of("https://h.example/x"), NOW);

        store.add(List.of(search));

        Watch found = store.find("alice", id(1)).orElseThrow();
        assertThat(found).isEqualTo(search);
        assertThat(found.kind()).isEqualTo(WatchKind.SEARCH);
        assertThat(store.countSearches("alice")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void add_propertyAlreadyWatched_keepsTheFirstWatch(Database.Dialect dialect) {
        JdbiWatchStore store = store(dialect);
        Watch first = Watch.ofProperty(id(1), "alice", "P1", Optional.empty(), NOW);

        store.add(List.of(first));
        List<Watch> again =
                store.add(
                        List.of(
                                Watch.ofProperty(id(2), "alice", "P1", Optional.empty(), NOW),
                                Watch.ofProperty(id(3), "bob", "P1", Optional.empty(), NOW)));

        assertThat(again).extracting(Watch::id).containsExactly(id(1), id(3));
        assertThat(store.count("alice")).isEqualTo(1);
        assertThat(store.watchedPropertyIds()).containsExactly("P1");
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void findListDelete_anotherUsersWatch_isInvisible(Database.Dialect dialect) {
        JdbiWatchStore store = store(dialect);
        store.add(List.of(Watch.ofProperty(id(1), "alice", "P1", Optional.empty(), NOW)));

        assertThat(store.find("bob", id(1))).isEmpty();
        assertThat(store.list("bob", Optional.empty(), 10)).isEmpty();
        assertThat(store.delete("bob", id(1))).isFalse();
        assertThat(store.find("alice", id(1))).isPresent();
        assertThat(store.delete("alice", id(1))).isTrue();
        assertThat(store.find("alice", id(1))).isEmpty();
        assertThat(store.watchedPropertyIds()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void list_pagedByAfterId_visitsEveryWatchOnceInIdOrder(Database.Dialect dialect) {
        JdbiWatchStore store = store(dialect);
        for (int i = 5; i >= 1; i--) {
            store.add(List.of(Watch.ofProperty(id(i), "alice", "P" + i, Optional.empty(), NOW)));
        }

        List<Watch> first = store.list("alice", Optional.empty(), 2);
        List<Watch> second = store.list("alice", Optional.of(first.getLast().id()), 2);
        List<Watch> third = store.list("alice", Optional.of(second.getLast().id()), 2);

        assertThat(first).extracting(Watch::id).containsExactly(id(1), id(2));
        assertThat(second).extracting(Watch::id).containsExactly(id(3), id(4));
        assertThat(third).extracting(Watch::id).containsExactly(id(5));
    }

    private JdbiWatchStore store(Database.Dialect dialect) {
        return new JdbiWatchStore(
                databases.open(dialect, dir), JsonCodecs.propertyCodecs().property());
    }

    private static String id(int n) {
        return String.format("w_%020x", n);
    }
}
