package dev.reapi.gateway.adapter.out.notify;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dev.reapi.gateway.application.port.out.WebhookSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Sends Standard Webhooks: a JSON POST with {@code webhook-id}, {@code webhook-timestamp} (Unix
 * seconds) and {@code webhook-signature} ({@code v1,} + base64 HMAC-SHA256 of {@code
 * id.timestamp.body}). Redirects are not followed, so a callback cannot bounce the request to
 * another host. Only a 2xx answer counts as delivered. Thread-safe.
 */
public final class SignedWebhookSender implements WebhookSender {

    private final HttpClient http;
    private final Duration timeout;
    private final String userAgent;

    /**
     * A sender.
     *
     * @param timeout per-request timeout (connect and answer), e.g. 10 s
     * @param userAgent sent as {@code User-Agent}, e.g. {@code reapi-gateway/0.1.0}
     */
    public SignedWebhookSender(Duration timeout, String userAgent) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(timeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    @Override
    public Result send(URI url, String messageId, Instant timestamp, String body, String secret) {
        long seconds = timestamp.getEpochSecond();
        String signature;
        try {
            signature = new Webhook(secret).sign(messageId, seconds, body);
        } catch (WebhookSigningException | EmptyWebhookSecretException | RuntimeException e) {
            return new Result(false, "cannot sign: " + e.getClass().getSimpleName());
        }
        HttpRequest request =
                HttpRequest.newBuilder(url)
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .header("User-Agent", userAgent)
                        .header("webhook-id", messageId)
                        .header("webhook-timestamp", Long.toString(seconds))
                        .header("webhook-signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        try {
            HttpResponse<Void> response =
                    http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Result(status >= 200 && status < 300, "HTTP " + status);
        } catch (IOException e) {
            return new Result(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        }
    }
}
