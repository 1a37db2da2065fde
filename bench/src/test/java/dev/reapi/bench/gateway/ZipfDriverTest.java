package dev.reapi.bench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ZipfDriverTest {

    @Test
    void paths_sameSeed_giveEveryTargetTheSameSequence() {
        Map<String, String> options =
                ZipfDriver.parse(new String[] {"--ids", "100", "--requests", "500", "--seed", "5"});

        assertThat(ZipfDriver.paths(options)).isEqualTo(ZipfDriver.paths(options)).hasSize(500);
    }

    @Test
    void paths_sequential_cycleThroughIdsFromFirst() {
        Map<String, String> options =
                ZipfDriver.parse(
                        new String[] {
                            "--distribution",
                            "sequential",
                            "--ids",
                            "2",
                            "--first",
                            "9",
                            "--requests",
                            "3",
                            "--prefix",
                            "/p/"
                        });

        assertThat(ZipfDriver.paths(options))
                .containsExactly("/p/P000000009", "/p/P000000010", "/p/P000000009");
    }

    @Test
    void parse_valueMissing_isRejected() {
        assertThatThrownBy(() -> ZipfDriver.parse(new String[] {"--ids"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--ids");
    }

    @Test
    void source_gatewayAnswer_isMetaSource_otherwiseNone() {
        assertThat(LoadRun.source("{\"data\":{},\"meta\":{\"source\":\"replica\",\"age_s\":3}}"))
                .isEqualTo("replica");
        assertThat(LoadRun.source("{\"id\":\"P000000001\"}")).isEqualTo("none");
    }

    @Test
    void json_result_listsCountsByStatusAndSource() {
        var result =
                new LoadRun.Result(
                        3,
                        1,
                        12,
                        Map.of("200", 2L),
                        new TreeMap<>(Map.of("fresh", 1L, "cache", 1L)));

        String json = ZipfDriver.json(result, 2);

        assertThat(json)
                .isEqualTo(
                        "{\"requests\":3,\"errors\":1,\"distinct_ids\":2,\"elapsed_ms\":12,"
                            + "\"statuses\":{\"200\":2},\"sources\":{\"cache\":1,\"fresh\":1}}");
    }
}
