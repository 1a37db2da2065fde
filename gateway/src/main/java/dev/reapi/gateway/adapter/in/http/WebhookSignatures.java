package dev.reapi.gateway.adapter.in.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Standard Webhooks signatures ({@code webhook-id}, {@code webhook-timestamp}, {@code
 * webhook-signature}) against one or two secrets, so a secret can be rotated without losing
 * deliveries: add the new one, switch the upstream, then drop the old one. The timestamp must lie
 * within the tolerance (default 5 minutes) of the injected clock, either way. Thread-safe.
 *
 * <p>The signature is {@code v1,} and the base64 of HMAC-SHA256 over {@code id.seconds.body}
 * (UTF-8), as the Standard Webhooks libraries compute it. It is computed here rather than through
 * such a library because this runs once per delivery on the ingest path: each secret's {@link Mac}
 * is keyed once and copied per check, instead of being looked up and keyed again, and the signed
 * content is not formatted through {@link String#format}.
 */
public final class WebhookSignatures {

    /** The default timestamp tolerance: 5 minutes. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String SECRET_PREFIX = "whsec_";
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] VERSION = "v1,".getBytes(StandardCharsets.US_ASCII);

    private final List<Mac> keyed;
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
        List<Mac> built = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            built.add(keyed(secrets.get(i), i + 1));
        }
        this.keyed = List.copyOf(built);
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
        byte[] header = signatures.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = (id + "." + seconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        for (Mac mac : keyed) {
            if (listed(header, expected(mac, prefix, content))) {
                return Optional.empty();
            }
        }
        return Optional.of("webhook-signature matches no configured secret");
    }

    /** Whether one of the space-separated signatures in {@code header} is exactly {@code sig}. */
    private static boolean listed(byte[] header, byte[] sig) {
        int start = 0;
        while (start < header.length) {
            int end = start;
            while (end < header.length && header[end] != ' ') {
                end++;
            }
            // Every candidate is compared in full, so the time taken does not say how much of a
            // forged signature was right.
            if (end - start == sig.length
                    && MessageDigest.isEqual(sig, Arrays.copyOfRange(header, start, end))) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** {@code v1,} + base64 of the HMAC of {@code prefix} then {@code content}, as ASCII. */
    private static byte[] expected(Mac keyed, byte[] prefix, byte[] content) {
        Mac mac = copy(keyed);
        mac.update(prefix);
        byte[] digest = mac.doFinal(content);
        byte[] encoded = Base64.getEncoder().encode(digest);
        byte[] sig = new byte[VERSION.length + encoded.length];
        System.arraycopy(VERSION, 0, sig, 0, VERSION.length);
        System.arraycopy(encoded, 0, sig, VERSION.length, encoded.length);
        return sig;
    }

    /** A fresh copy of a keyed {@link Mac}: a {@code Mac} is not thread-safe, its copies are. */
    private static Mac copy(Mac keyed) {
        try {
            return (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the HmacSHA256 provider cannot copy a keyed Mac", e);
        }
    }

    /** A {@link Mac} keyed with secret number {@code n}, checked once that it can be copied. */
    private static Mac keyed(String secret, int n) {
        String encoded =
                secret.startsWith(SECRET_PREFIX)
                        ? secret.substring(SECRET_PREFIX.length())
                        : secret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "webhook secret #" + n + " is empty or not base64", e);
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("webhook secret #" + n + " is empty or not base64");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            copy(mac);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
        }
    }
}
