package dev.reapi.gateway.domain.notify;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A notification to append to the outbox. General on purpose: jobs and property changes both
 * produce them.
 *
 * @param userId whose notification it is
 * @param eventType what happened, e.g. {@code job.succeeded} or {@code property.changed}
 * @param eventKey unique per event; appending the same key twice keeps only the first
 * @param payloadJson the event's data as a JSON object
 * @param callbackUrl where to deliver it; empty to use the user's configured URL, if any
 */
public record NewNotification(
        String userId,
        String eventType,
        String eventKey,
        String payloadJson,
        Optional<String> callbackUrl) {

    // Compiled once: every finished job and every watched change builds a notification.
    private static final Pattern EVENT_TYPE =
            Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    public NewNotification {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        if (!EVENT_TYPE.matcher(eventType).matches() || eventType.length() > 64) {
            throw new IllegalArgumentException(
                    "eventType must be dotted lower-case words up to 64 characters, was '"
                            + eventType
                            + "'");
        }
        if (eventKey.isBlank() || eventKey.length() > 200) {
            throw new IllegalArgumentException(
                    "eventKey must be 1-200 characters, was '" + eventKey + "'");
        }
    }
}
