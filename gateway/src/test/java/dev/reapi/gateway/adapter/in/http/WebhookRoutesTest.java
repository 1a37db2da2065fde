package dev.reapi.gateway.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class WebhookRoutesTest {

    @Test
    void answer_withQuotesInTheId_isValidJson() throws Exception {
        String answer = WebhookRoutes.answer("msg_\"x\"\\", false);

        var json = new ObjectMapper().readTree(answer);

        assertThat(json.get("webhook_id").asText()).isEqualTo("msg_\"x\"\\");
        assertThat(json.get("duplicate").asBoolean()).isTrue();
    }
}
