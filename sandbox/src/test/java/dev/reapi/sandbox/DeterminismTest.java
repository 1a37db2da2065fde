package dev.reapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seed, same data: two sandboxes answer byte-identical bodies. */
class DeterminismTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final List<String> GETS =
            List.of(
                    "/v1/properties/P000000001",
                    "/v1/properties/P000031337",
                    "/v1/properties/P000049999/valuation",
                    "/v1/properties/updated?since=2026-11-20T00:00:00Z&limit=50",
                    "/v1/demographics?lat=41.88&lng=-87.63",
                    "/v1/schools/nearby?lat=41.88&lng=-87.63&radius_miles=2");
    private static final String SEARCH =
            "{\"location\":{\"city\":\"Chicago\",\"state\":\"IL\"},\"pagination\":{\"limit\":25}}";

    private static final List<String[]> V2_POSTS =
            List.of(
                    new String[] {"/v2/PropertySearch", "{\"city\":\"Chicago\",\"state\":\"IL\"}"},
                    new String[] {"/v2/PropertyDetail", "{\"id\":31337}"},
                    new String[] {"/v2/PropertyDetailBulk", "{\"ids\":[5,4,3,2,1,31337]}"},
                    new String[] {"/v2/PropertyComps", "{\"id\":31337}"});

    @Test
    void sandboxes_sameSeed_answerIdenticalBodies() {
        List<String> first = bodies(42);
        List<String> second = bodies(42);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void sandboxes_otherSeed_answerOtherData() {
        assertThat(bodies(7).get(0)).isNotEqualTo(bodies(42).get(0));
    }

    @Test
    void tick_sameSeed_appliesTheSameChanges() {
        SandboxOptions options =
                SandboxOptions.defaults().withProperties(5_000).withClock(new TestClock(NOW));
        List<MarketChange> a;
        List<MarketChange> b;
        try (Sandbox one = Sandbox.start(options)) {
            a = one.tick(50);
        }
        try (Sandbox two = Sandbox.start(options)) {
            b = two.tick(50);
        }

        assertThat(b).isEqualTo(a).hasSize(50);
    }

    private static List<String> bodies(long seed) {
        SandboxOptions options =
                SandboxOptions.defaults().withSeed(seed).withClock(new TestClock(NOW));
        try (Sandbox sandbox = Sandbox.start(options)) {
            Http http = new Http(sandbox);
            List<String> out = new ArrayList<>();
            for (String path : GETS) {
                Http.Response r = http.get(path);
                assertThat(r.status()).as(path).isEqualTo(200);
                out.add(r.body());
            }
            out.add(http.post("/v1/properties/search", SEARCH).body());
            for (String[] post : V2_POSTS) {
                Http.Response r = http.post(post[0], post[1]);
                assertThat(r.status()).as(post[0]).isEqualTo(200);
                out.add(r.body());
            }
            return out;
        }
    }
}
