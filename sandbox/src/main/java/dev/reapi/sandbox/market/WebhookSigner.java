package dev.reapi.sandbox.market;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,} + base64(HMAC-SHA256(key, id + "." + timestamp + "." +
 * body)), the key being the base64 part of a {@code whsec_} secret. Immutable and thread-safe.
 */
public final class WebhookSigner {
    private static final String PREFIX = "whsec_";
    private final byte[] key;

    /**
     * @param secret {@code whsec_} followed by base64 of 24 to 64 random bytes
     * @throws IllegalArgumentException when the secret has another shape (the message never repeats
     *     it)
     */
    public WebhookSigner(String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("webhook secret must start with " + PREFIX);
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "webhook secret is not valid base64 after " + PREFIX);
        }
        if (decoded.length < 24 || decoded.length > 64) {
            throw new IllegalArgumentException(
                    "webhook secret must hold 24 to 64 bytes, got " + decoded.length);
        }
        this.key = decoded;
    }

    /** The {@code webhook-signature} header value. */
    public String sign(String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig =
                    mac.doFinal(
                            (id + "." + timestampSeconds + "." + body)
                                    .getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }
}
