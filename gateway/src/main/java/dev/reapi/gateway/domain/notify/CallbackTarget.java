package dev.reapi.gateway.domain.notify;

import java.util.Objects;

/**
 * A user's webhook settings.
 *
 * @param userId whose settings they are
 * @param callbackUrl the default callback URL, or an empty string for none
 * @param signingSecret the Standard Webhooks secret ({@code whsec_} + base64); never logged
 */
public record CallbackTarget(String userId, String callbackUrl, String signingSecret) {

    public CallbackTarget {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(signingSecret, "signingSecret");
        if (!signingSecret.startsWith("whsec_")) {
            throw new IllegalArgumentException("signingSecret must start with whsec_");
        }
    }

    @Override
    public String toString() {
        return "CallbackTarget[userId=" + userId + ", callbackUrl=" + callbackUrl + ", secret=***]";
    }
}
