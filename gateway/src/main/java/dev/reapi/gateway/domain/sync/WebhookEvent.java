package dev.reapi.gateway.domain.sync;

import dev.reapi.client.model.PropertyStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A verified upstream webhook event. It carries only the field that changed; {@code changedAt} is
 * that field's version.
 *
 * @param webhookId the {@code webhook-id} header, unique per event and kept on redelivery
 * @param type which field changed
 * @param propertyId the upstream id
 * @param newValue the new price (whole dollars) or status wire name
 * @param changedAt when the upstream changed it
 */
public record WebhookEvent(
        String webhookId, Type type, String propertyId, String newValue, Instant changedAt) {

    // Compiled once: every event received, and again when the inbox is read, is checked.
    private static final Pattern PROPERTY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern WHOLE_DOLLARS = Pattern.compile("[0-9]{1,15}");

    public WebhookEvent {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(propertyId, "propertyId");
        Objects.requireNonNull(newValue, "newValue");
        Objects.requireNonNull(changedAt, "changedAt");
        if (webhookId.isBlank() || webhookId.length() > 200) {
            throw new IllegalArgumentException(
                    "webhookId must be 1-200 characters, was '" + webhookId + "'");
        }
        if (!PROPERTY_ID.matcher(propertyId).matches()) {
            throw new IllegalArgumentException("propertyId is malformed: '" + propertyId + "'");
        }
        type.check(newValue);
    }

    /** The event types the gateway understands. */
    public enum Type {
        PRICE_CHANGED("property.price_changed"),
        STATUS_CHANGED("property.status_changed");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        /** The {@code type} member of the event body. */
        public String wireName() {
            return wireName;
        }

        /** Parses a {@link #wireName()}. */
        public static Type fromWire(String wireName) {
            for (Type type : values()) {
                if (type.wireName.equals(wireName)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("unknown webhook event type '" + wireName + "'");
        }

        private void check(String value) {
            if (this == PRICE_CHANGED && !WHOLE_DOLLARS.matcher(value).matches()) {
                throw new IllegalArgumentException("new price must be whole dollars: " + value);
            }
            if (this == STATUS_CHANGED) {
                PropertyStatus.fromWire(value);
            }
        }
    }
}
