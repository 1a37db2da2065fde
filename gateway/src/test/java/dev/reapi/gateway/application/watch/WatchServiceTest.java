package dev.reapi.gateway.application.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.client.model.SearchRequest;
import dev.reapi.gateway.application.notify.CallbackUrlPolicy;
import dev.reapi.gateway.application.port.out.Watches;
import dev.reapi.gateway.domain.watch.Watch;
import dev.reapi.gateway.testing.MutableClock;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WatchServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final InMemoryWatches store = new InMemoryWatches();
    private final WatchService service =
            new WatchService(
                    store,
                    new CallbackUrlPolicy(
                            false,
                            false,
                            host -> new InetAddress[] {InetAddress.getByName("93.184.215.14")}),
                    clock,
                    new SplittableRandom(7));

    @Test
    void watchProperties_duplicateIds_createOneWatchEach() {
        List<Watch> watches =
                service.watchProperties("alice", List.of("P1", "P2", "P1"), Optional.empty());

        assertThat(watches)
                .extracting(w -> w.propertyId().orElseThrow())
                .containsExactly("P1", "P2");
        assertThat(watches).allSatisfy(w -> assertThat(w.id()).matches("w_[0-9a-f]{20}"));
        assertThat(store.count("alice")).isEqualTo(2);
    }

    @Test
    void getAndDelete_anotherUsersWatch_behaveAsMissing() {
        Watch watch = service.watchProperties("alice", List.of("P1"), Optional.empty()).getFirst();

        assertThat(service.get("bob", watch.id())).isEmpty();
        assertThat(service.delete("bob", watch.id())).isFalse();
        assertThat(service.list("bob", Optional.empty(), 10)).isEmpty();
        assertThat(service.get("alice", watch.id())).contains(watch);
        assertThat(service.delete("alice", watch.id())).isTrue();
    }

    @Test
    void watchProperties_badIdsAndCallback_reportEveryField() {
        assertThatThrownBy(
                        () ->
                                service.watchProperties(
                                        "alice",
                                        List.of("P1", "bad id!", ""),
                                        Optional.of("http://hooks.example.com/x")))
                .isInstanceOfSatisfying(
                        InvalidWatchRequest.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(InvalidWatchRequest.FieldProblem::field)
                                        .containsExactly(
                                                "property_ids[1]",
                                                "property_ids[2]",
                                                "callback_url"));
        assertThat(store.count("alice")).isZero();
    }

    @Test
    void watchProperties_tooManyIdsInOneRequest_isRejected() {
        List<String> ids =
                IntStream.rangeClosed(0, WatchService.MAX_IDS_PER_REQUEST)
                        .mapToObj(i -> "P" + i)
                        .toList();

        assertThatThrownBy(() -> service.watchProperties("alice", ids, Optional.empty()))
                .isInstanceOf(InvalidWatchRequest.class)
                .hasMessageContaining("property_ids must hold 1 to 100 ids");
        assertThatThrownBy(() -> service.watchProperties("alice", List.of(), Optional.empty()))
                .isInstanceOf(InvalidWatchRequest.class);
    }

    @Test
    void watchProperties_pastThePerUserLimit_isRejectedAndOthersUnaffected() {
        for (int batch = 0; batch < WatchService.MAX_WATCHES_PER_USER / 100; batch++) {
            int from = batch * 100;
            service.watchProperties(
                    "alice",
                    IntStream.range(from, from + 100).mapToObj(i -> "P" + i).toList(),
                    Optional.empty());
        }

        assertThatThrownBy(() -> service.watchProperties("alice", List.of("X1"), Optional.empty()))
                .isInstanceOf(InvalidWatchRequest.class)
                .hasMessageContaining("at most 1000");
        assertThat(service.watchProperties("bob", List.of("X1"), Optional.empty())).hasSize(1);
    }

    @Test
    void watchSearch_pastTheSavedSearchLimit_isRejected() {
        for (int i = 0; i < WatchService.MAX_SEARCHES_PER_USER; i++) {
            service.watchSearch("alice", SearchRequest.zip("62704"), Optional.empty());
        }

        assertThatThrownBy(
                        () ->
                                service.watchSearch(
                                        "alice", SearchRequest.zip("62704"), Optional.empty()))
                .isInstanceOf(InvalidWatchRequest.class)
                .hasMessageContaining("saved searches");
    }

    @Test
    void list_badCursor_isRejected() {
        assertThatThrownBy(() -> service.list("alice", Optional.of("nope"), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The port in memory: the service's rules are tested here, the SQL in the store's test. */
    private static final class InMemoryWatches implements Watches {
        private final Map<String, Watch> byId = new ConcurrentHashMap<>();

        @Override
        public List<Watch> add(List<Watch> watches) {
            List<Watch> stored = new ArrayList<>();
            for (Watch w : watches) {
                Optional<Watch> existing =
                        byId.values().stream()
                                .filter(
                                        o ->
                                                o.userId().equals(w.userId())
                                                        && w.propertyId().isPresent()
                                                        && o.propertyId().equals(w.propertyId()))
                                .findFirst();
                stored.add(existing.orElseGet(() -> put(w)));
            }
            return stored;
        }

        private Watch put(Watch w) {
            byId.put(w.id(), w);
            return w;
        }

        @Override
        public int count(String userId) {
            return (int) byId.values().stream().filter(w -> w.userId().equals(userId)).count();
        }

        @Override
        public int countSearches(String userId) {
            return (int)
                    byId.values().stream()
                            .filter(w -> w.userId().equals(userId) && w.search().isPresent())
                            .count();
        }

        @Override
        public Optional<Watch> find(String userId, String watchId) {
            return Optional.ofNullable(byId.get(watchId)).filter(w -> w.userId().equals(userId));
        }

        @Override
        public List<Watch> list(String userId, Optional<String> afterId, int limit) {
            return byId.values().stream()
                    .filter(w -> w.userId().equals(userId))
                    .filter(w -> afterId.isEmpty() || w.id().compareTo(afterId.get()) > 0)
                    .sorted(Comparator.comparing(Watch::id))
                    .limit(limit)
                    .toList();
        }

        @Override
        public boolean delete(String userId, String watchId) {
            return find(userId, watchId).map(w -> byId.remove(watchId) != null).orElse(false);
        }
    }
}
