package dev.reapi.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void stream_threePages_followsCursorsLazily() {
        Map<String, Paging.Page<Integer>> pages =
                Map.of(
                        "start", new Paging.Page<>(List.of(1, 2), "c2"),
                        "c2", new Paging.Page<>(List.of(), "c3"),
                        "c3", new Paging.Page<>(List.of(3), null));
        List<@Nullable String> asked = new ArrayList<>();

        Stream<Integer> stream =
                Paging.stream(
                        null,
                        cursor -> {
                            asked.add(cursor);
                            return pages.get(cursor == null ? "start" : cursor);
                        });
        assertThat(asked).isEmpty();

        assertThat(stream.limit(1).toList()).containsExactly(1);
        assertThat(asked).containsExactly((String) null);
    }

    @Test
    void stream_consumedFully_returnsEveryItemInOrder() {
        List<@Nullable String> asked = new ArrayList<>();
        List<Integer> all =
                Paging.<Integer>stream(
                                "c1",
                                cursor -> {
                                    asked.add(cursor);
                                    return switch (String.valueOf(cursor)) {
                                        case "c1" -> new Paging.Page<>(List.of(1, 2), "c2");
                                        case "c2" -> new Paging.Page<>(List.of(), "c3");
                                        default -> new Paging.Page<>(List.of(3), null);
                                    };
                                })
                        .toList();

        assertThat(all).containsExactly(1, 2, 3);
        assertThat(asked).containsExactly("c1", "c2", "c3");
    }

    @Test
    void stream_serverRepeatsCursor_failsInsteadOfLooping() {
        Stream<Integer> stream =
                Paging.stream("same", cursor -> new Paging.Page<>(List.of(1), "same"));

        assertThatThrownBy(stream::toList).hasMessageContaining("cursor 'same' twice");
    }
}
