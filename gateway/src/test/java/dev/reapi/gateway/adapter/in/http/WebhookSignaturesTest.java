package dev.reapi.gateway.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import dev.reapi.gateway.testing.MutableClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String OTHER = "whsec_c2Vjb25kLXNlY3JldC1mb3Itcm90YXRpb24tdGVzdA==";
    private static final String BODY = "{\"type\":\"property.price_changed\",\"note\":\"Café ☕\"}";

    private final MutableClock clock = MutableClock.standard();
    private final long now = clock.instant().getEpochSecond();

    @Test
    void rejection_ofTheStandardLibrarysSignature_isEmpty() throws Exception {
        var signatures = signatures(SECRET);

        String header = new Webhook(SECRET).sign("msg_1", now, BODY);

        assertThat(signatures.rejection("msg_1", Long.toString(now), header, BODY)).isEmpty();
    }

    @Test
    void rejection_withTheRightSignatureAmongSeveral_isEmpty() throws Exception {
        var signatures = signatures(OTHER, SECRET);
        String header =
                new Webhook(OTHER).sign("msg_1", now + 1, BODY)
                        + "  v2,abc "
                        + new Webhook(SECRET).sign("msg_1", now, BODY);

        assertThat(signatures.rejection("msg_1", " " + now + " ", header, BODY)).isEmpty();
    }

    @Test
    void rejection_ofATamperedBodyOrId_namesTheSignature() throws Exception {
        var signatures = signatures(SECRET);
        String header = new Webhook(SECRET).sign("msg_1", now, BODY);
        String time = Long.toString(now);

        assertThat(signatures.rejection("msg_1", time, header, BODY + " "))
                .hasValue("webhook-signature matches no configured secret");
        assertThat(signatures.rejection("msg_2", time, header, BODY))
                .hasValue("webhook-signature matches no configured secret");
        assertThat(signatures.rejection("msg_1", time, header.substring(0, 20), BODY))
                .hasValue("webhook-signature matches no configured secret");
    }

    @Test
    void rejection_ofASignatureByAnotherSecret_namesTheSignature() throws Exception {
        String header = new Webhook(OTHER).sign("msg_1", now, BODY);

        assertThat(signatures(SECRET).rejection("msg_1", Long.toString(now), header, BODY))
                .hasValue("webhook-signature matches no configured secret");
    }

    @Test
    void rejection_outsideTheTolerance_namesTheTimestamp() throws Exception {
        long old = now - 301;
        String header = new Webhook(SECRET).sign("msg_1", old, BODY);

        assertThat(signatures(SECRET).rejection("msg_1", Long.toString(old), header, BODY))
                .hasValueSatisfying(r -> assertThat(r).contains("tolerance"));
        assertThat(signatures(SECRET).rejection("msg_1", "soon", header, BODY))
                .hasValue("webhook-timestamp is not Unix seconds");
    }

    @Test
    void constructor_withAnEmptyOrMalformedSecret_isRejectedWithoutTheSecret() {
        assertThatThrownBy(() -> signatures("whsec_"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("webhook secret #1 is empty or not base64");
        assertThatThrownBy(() -> signatures(SECRET, "whsec_not*base64"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("webhook secret #2 is empty or not base64");
    }

    private WebhookSignatures signatures(String... secrets) {
        return new WebhookSignatures(List.of(secrets), WebhookSignatures.DEFAULT_TOLERANCE, clock);
    }
}
