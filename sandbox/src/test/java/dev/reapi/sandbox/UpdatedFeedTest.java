package dev.reapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paging the updated feed while the market changes properties, with many properties sharing one
 * timestamp: no gaps, no repeats, and every property's last version seen is its current one.
 */
class UpdatedFeedTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String SINCE = "2026-08-03T00:00:00Z";

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 42, 20_261_201})
    void updatedFeed_changesDuringPaging_noGapsNoRepeats(long seed) {
        TestClock clock = new TestClock(NOW);
        SandboxOptions options =
                SandboxOptions.defaults().withSeed(seed).withProperties(30_000).withClock(clock);
        try (Sandbox sandbox = Sandbox.start(options)) {
            Http http = new Http(sandbox);
            List<String[]> before = readAll(http, 1_000, null);
            assertSharedTimestamps(before);
            Set<String> expected = new HashSet<>();
            before.forEach(v -> expected.add(v[0]));
            Set<String> changed = new HashSet<>();

            List<String[]> seen =
                    readAll(
                            http,
                            487,
                            page -> {
                                if (page % 4 == 1 && page < 20) {
                                    if (page % 3 == 0) {
                                        clock.advance(Duration.ofSeconds(1));
                                    }
                                    sandbox.tick(40).forEach(c -> changed.add(c.propertyId()));
                                }
                            });
            expected.addAll(changed);

            Map<String, String> last = new HashMap<>();
            Set<String> versions = new HashSet<>();
            for (String[] v : seen) {
                assertThat(versions.add(v[0] + "@" + v[1])).as("repeat of %s", v[0]).isTrue();
                last.put(v[0], v[1]);
            }
            assertThat(last.keySet()).isEqualTo(expected);
            assertThat(seen.size()).as("changed after being seen").isGreaterThan(expected.size());
            Http control = http.withKey("");
            for (String id : changed) {
                String truth =
                        control.get("/_sandbox/properties/" + id).json().get("updated_at").asText();
                assertThat(last.get(id)).as(id).isEqualTo(truth);
            }
        }
    }

    /** Pages through the feed; calls {@code between} after each page with its number. */
    private static List<String[]> readAll(Http http, int limit, @Nullable PageHook between) {
        List<String[]> seen = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            String path =
                    "/v1/properties/updated?since="
                            + SINCE
                            + "&limit="
                            + limit
                            + (cursor == null ? "" : "&cursor=" + cursor);
            Http.Response r = http.get(path);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode body = r.json();
            for (JsonNode p : body.get("properties")) {
                seen.add(new String[] {p.get("id").asText(), p.get("updated_at").asText()});
            }
            cursor = body.get("next_cursor").isNull() ? null : body.get("next_cursor").asText();
            if (between != null) {
                between.after(++page);
            }
        } while (cursor != null);
        return seen;
    }

    private static void assertSharedTimestamps(List<String[]> versions) {
        Map<String, Integer> perTimestamp = new HashMap<>();
        versions.forEach(v -> perTimestamp.merge(v[1], 1, Integer::sum));
        assertThat(versions).hasSizeGreaterThan(8_000);
        assertThat(perTimestamp.values().stream().mapToInt(Integer::intValue).max().orElse(0))
                .isGreaterThanOrEqualTo(4);
    }

    @FunctionalInterface
    private interface PageHook {
        void after(int page);
    }
}
