package dev.reapi.gateway.application.sync;

import dev.reapi.gateway.application.port.out.WebhookInbox;
import dev.reapi.gateway.domain.sync.WebhookEvent;
import java.time.Clock;
import java.util.Objects;

/**
 * Accepts verified webhook events: stores each once in the inbox and hands it to the {@link
 * InboxWorker}. The caller answers 2xx once {@link #accept} returns, before the event is applied;
 * the stored event survives a crash and is applied at the next start. Thread-safe.
 */
public final class WebhookIngestion {

    private final WebhookInbox inbox;
    private final InboxWorker worker;
    private final Clock clock;

    /** Ingestion into {@code inbox}, waking {@code worker}. */
    public WebhookIngestion(WebhookInbox inbox, InboxWorker worker, Clock clock) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores {@code event} unless its {@code webhook-id} was seen before.
     *
     * @param rawBody the body as received, kept for diagnosis
     * @return whether it was new (false for a redelivery or duplicate, which is still a success)
     */
    public boolean accept(WebhookEvent event, String rawBody) {
        boolean fresh = inbox.insertIfAbsent(event, rawBody, clock.instant());
        if (fresh) {
            worker.wake();
        }
        return fresh;
    }
}
