package dev.reapi.gateway.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    private final ObjectMapper mapper = new JsonBodies(64 * 1024, 32).mapper();

    @Test
    void json_isWhatJacksonWritesForTheSameFields() throws Exception {
        Instant at = Instant.parse("2026-12-01T10:00:00.123456789Z");
        List<AccessLog.Line> lines =
                List.of(
                        new AccessLog.Line(
                                "req_1",
                                "user-1",
                                "GET",
                                "/api/properties/{id}",
                                200,
                                0.04f,
                                "cache",
                                0),
                        new AccessLog.Line("r", null, "POST", "unmatched", 401, 188.66f, null, 0),
                        new AccessLog.Line(
                                "x",
                                "a\"b\\c\u0001\té/",
                                "GET",
                                "/metrics",
                                500,
                                12_345_678f,
                                "fresh",
                                3),
                        new AccessLog.Line("y", "u", "GET", "/health", 200, 0f, "stale", 1));

        for (AccessLog.Line line : lines) {
            assertThat(AccessLog.json(line, at)).isEqualTo(jackson(line, at));
        }
    }

    /** The line as the access log wrote it before, through a map and Jackson. */
    private String jackson(AccessLog.Line line, Instant at) throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("timestamp", at.toString());
        fields.put("request_id", line.requestId());
        fields.put("user", line.user());
        fields.put("method", line.method());
        fields.put("route", line.route());
        fields.put("status", line.status());
        fields.put("duration_ms", Math.round(line.executionMillis() * 10) / 10.0);
        fields.put("source", line.source());
        fields.put("upstream_calls", line.upstreamCalls());
        return mapper.writeValueAsString(fields);
    }
}
