package dev.reapi.gateway.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WebhookRoutesTest {

    @Test
    void answer_withQuotesInTheId_isValidJson() throws Exception {
        String answer = WebhookRoutes.answer("msg_\"x\"\\", false);

        var json = new ObjectMapper().readTree(answer);

        assertThat(json.get("webhook_id").asText()).isEqualTo("msg_\"x\"\\");
        assertThat(json.get("duplicate").asBoolean()).isTrue();
    }

    @Test
    void instant_ofUtcTimes_agreesWithTheGeneralParser() {
        var random = new SplittableRandom(7);
        List<String> texts =
                new ArrayList<>(
                        List.of(
                                "2024-02-29T23:59:59Z",
                                "2026-12-01T09:00:00.1Z",
                                "2026-12-01T09:00:00.123456789Z",
                                "0000-01-01T00:00:00Z",
                                "2026-12-01T09:00:00+02:00",
                                "2026-12-01T09:00:00.5-07:30",
                                "2026-12-01T09:00:00.Z"));
        for (int i = 0; i < 2_000; i++) {
            long seconds = random.nextLong(-62_000_000_000L, 253_000_000_000L);
            int nanos = random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000);
            texts.add(Instant.ofEpochSecond(seconds, nanos).toString());
        }

        for (String text : texts) {
            assertThat(WebhookRoutes.instant(text))
                    .as(text)
                    .isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @Test
    void instant_ofAnImpossibleTime_isAParseError() {
        List<String> texts =
                List.of(
                        "2026-02-29T00:00:00Z",
                        "2026-13-01T00:00:00Z",
                        "2026-12-01T24:00:00Z",
                        "2026-12-01T09:60:00Z",
                        "2026-12-01T09:00:60Z",
                        "2026-12-01T09:00:00.1234567890Z",
                        "2026-12-0aT09:00:00Z",
                        "2026-12-01 09:00:00Z",
                        "2026-12-01T09:00:00");

        for (String text : texts) {
            assertThatThrownBy(() -> WebhookRoutes.instant(text))
                    .as(text)
                    .isInstanceOf(DateTimeParseException.class);
        }
    }
}
