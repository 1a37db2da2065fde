package dev.reapi.gateway.application.port.out;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/** Sends one signed webhook. Implementations are thread-safe and never throw for a failed send. */
public interface WebhookSender {

    /**
     * POSTs {@code body} to {@code url}, signed with {@code secret}.
     *
     * @param messageId the message's id, stable across retries of one notification
     * @param timestamp the signing time
     * @param secret the receiver's signing secret; never logged
     */
    Result send(URI url, String messageId, Instant timestamp, String body, String secret);

    /**
     * The outcome of one send.
     *
     * @param delivered whether the receiver answered 2xx
     * @param detail the status code or the failure, for the notification's {@code last_error}
     */
    record Result(boolean delivered, String detail) {
        public Result {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
