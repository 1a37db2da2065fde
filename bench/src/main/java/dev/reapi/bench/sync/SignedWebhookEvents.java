package dev.reapi.bench.sync;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes signed {@code property.price_changed} events to a file for {@code
 * bench/sync/webhooks.lua}, one a line: {@code webhook-id}, {@code webhook-timestamp}, {@code
 * webhook-signature} and the body, tab-separated. Signing ahead keeps the sender's CPU out of the
 * measurement; the timestamps are the time of writing, so the file must be sent within the
 * gateway's tolerance (5 minutes).
 */
final class SignedWebhookEvents {

    private SignedWebhookEvents() {}

    /**
     * Writes {@code count} events with unique ids (prefixed {@code idPrefix}), spread over the
     * properties {@code P000000001} to {@code properties}, signed by {@code signer}.
     */
    static void write(Path file, String idPrefix, int count, int properties, Webhook signer)
            throws IOException {
        Instant now = Instant.now();
        String timestamp = Long.toString(now.getEpochSecond());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int n = 0; n < count; n++) {
                String id = idPrefix + n;
                // Later events carry later changes; senders in parallel still deliver some of
                // them out of order, which the gateway records as stale.
                Instant changedAt = now.plusNanos(n * 1_000L);
                String body =
                        """
                        {"type":"property.price_changed","timestamp":"%s","data":{"property_id":\
                        "P%09d","old_price":1,"new_price":%d,"changed_at":"%s"}}\
                        """
                                .formatted(
                                        now, 1 + (n * 7919L) % properties, 100_000 + n, changedAt);
                out.write(id + '\t' + timestamp + '\t' + sign(signer, id, now, body) + '\t' + body);
                out.newLine();
            }
        }
    }

    private static String sign(Webhook signer, String id, Instant at, String body) {
        try {
            return signer.sign(id, at.getEpochSecond(), body);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("cannot sign webhook " + id, e);
        }
    }
}
