package dev.reapi.gateway.adapter.in.http;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Verifies Standard Webhooks signatures ({@code webhook-id}, {@code webhook-timestamp}, {@code
 * webhook-signature}) against one or two secrets, so a secret can be rotated without losing
 * deliveries: add the new one, switch the upstream, then drop the old one. The timestamp must lie
 * within the tolerance (default 5 minutes) of the injected clock, either way. The library's own
 * {@code verify} reads the system clock, so only its signing is used here. Thread-safe.
 */
public final class WebhookSignatures {

    /** The default timestamp tolerance: 5 minutes. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final Pattern SPACES = Pattern.compile(" +");

    private final List<Webhook> signers;
    private final Duration tolerance;
    private final Clock clock;

    /**
     * Verification with {@code secrets} ({@code whsec_} + base64, one or two).
     *
     * @throws IllegalArgumentException when there are none, more than two, or one is empty; the
     *     message never contains a secret
     */
    public WebhookSignatures(List<String> secrets, Duration tolerance, Clock clock) {
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (secrets.isEmpty() || secrets.size() > 2) {
            throw new IllegalArgumentException(
                    "webhook secrets: one or two are needed, got " + secrets.size());
        }
        List<Webhook> built = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            try {
                built.add(new Webhook(secrets.get(i)));
            } catch (EmptyWebhookSecretException | IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "webhook secret #" + (i + 1) + " is empty or not base64", e);
            }
        }
        this.signers = List.copyOf(built);
    }

    /**
     * Why the headers do not authenticate {@code body}; empty when they do.
     *
     * @return a reason safe to show to the sender
     */
    public Optional<String> rejection(String id, String timestamp, String signatures, String body) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Optional.of("webhook-timestamp is not Unix seconds");
        }
        Instant sent = Instant.ofEpochSecond(seconds);
        Duration skew = Duration.between(sent, clock.instant()).abs();
        if (skew.compareTo(tolerance) > 0) {
            return Optional.of("webhook-timestamp is outside the tolerance of " + tolerance);
        }
        List<String> candidates = SPACES.splitAsStream(signatures.strip()).toList();
        for (Webhook signer : signers) {
            byte[] expected = expected(signer, id, seconds, body);
            for (String candidate : candidates) {
                byte[] given = candidate.getBytes(StandardCharsets.UTF_8);
                if (MessageDigest.isEqual(expected, given)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of("webhook-signature matches no configured secret");
    }

    private static byte[] expected(Webhook signer, String id, long seconds, String body) {
        try {
            return signer.sign(id, seconds, body).getBytes(StandardCharsets.UTF_8);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
        }
    }
}
