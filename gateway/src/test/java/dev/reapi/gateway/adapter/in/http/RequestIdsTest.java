package dev.reapi.gateway.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2026})
    void generate_seededSource_isReqAnd20Base36CharactersAndNeverRepeats(long seed) {
        var ids = new RequestIds(new Random(seed));

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(ids.generate());
        }

        assertThat(seen).hasSize(10_000).allMatch(id -> id.matches("req_[0-9a-z]{20}"));
    }

    @Test
    void generate_fromManyThreadsAtOnce_neverRepeats() {
        var ids = new RequestIds(new Random(9));
        Set<String> seen = ConcurrentHashMap.newKeySet();

        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                pool.execute(
                        () -> {
                            for (int i = 0; i < 5_000; i++) {
                                seen.add(ids.generate());
                            }
                        });
            }
        }

        assertThat(seen).hasSize(40_000);
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 11})
    void generate_sameSeed_givesTheSameIds(long seed) {
        var first = new RequestIds(new SplittableRandom(seed));
        var second = new RequestIds(new SplittableRandom(seed));

        assertThat(first.generate()).isEqualTo(second.generate());
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 13})
    void generate_everyCharacterPosition_takesManyValues(long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        var ids = new RequestIds(random);

        Set<Character> sixth = new HashSet<>();
        Set<Character> last = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String id = ids.generate();
            sixth.add(id.charAt(9));
            last.add(id.charAt(id.length() - 1));
        }

        assertThat(sixth).hasSize(36);
        assertThat(last).hasSize(36);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc-123", "A.b_c", "x"})
    void acceptOrGenerate_safeId_isKept(String presented) {
        var ids = new RequestIds(new Random(1));

        assertThat(ids.acceptOrGenerate(Optional.of(presented))).isEqualTo(presented);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "quote\"", "line\nbreak"})
    void acceptOrGenerate_unsafeId_isReplaced(String presented) {
        var ids = new RequestIds(new Random(1));

        assertThat(ids.acceptOrGenerate(Optional.of(presented))).matches("req_[0-9a-z]{20}");
    }
}
