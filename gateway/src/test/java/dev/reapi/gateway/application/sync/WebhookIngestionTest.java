package dev.reapi.gateway.application.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.port.out.ChangeLog;
import dev.reapi.gateway.application.port.out.WebhookInbox;
import dev.reapi.gateway.domain.GatewayException;
import dev.reapi.gateway.domain.sync.InboxState;
import dev.reapi.gateway.domain.sync.PropertyChange;
import dev.reapi.gateway.domain.sync.TrackedField;
import dev.reapi.gateway.domain.sync.WebhookEvent;
import dev.reapi.gateway.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookIngestionTest {

    private final RecordingInbox inbox = new RecordingInbox();
    private final InboxWorker worker =
            new InboxWorker(
                    inbox,
                    new ChangeApplier(
                            new UnusedChangeLog(),
                            JsonCodecs.propertyCodecs().property(),
                            ChangeHook.none(),
                            MutableClock.standard()));
    private final WebhookIngestion ingestion =
            new WebhookIngestion(inbox, worker, MutableClock.standard());

    @AfterEach
    void close() {
        inbox.gate.countDown();
        ingestion.close();
        worker.close();
    }

    @Test
    void eventsArrivingWhileATransactionRunsShareTheNextOne() throws Exception {
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Boolean> first = senders.submit(() -> ingestion.accept(event("w-0"), "{}"));
            await().until(() -> inbox.entered.getCount() == 0);
            List<Future<Boolean>> rest = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                String id = "w-" + i;
                rest.add(senders.submit(() -> ingestion.accept(event(id), "{}")));
            }
            await().until(() -> ingestion.waiting() == 20);
            inbox.gate.countDown();

            assertThat(first.get()).isTrue();
            for (Future<Boolean> f : rest) {
                assertThat(f.get()).isTrue();
            }
        }
        assertThat(inbox.batchSizes).containsExactly(1, 20);
        assertThat(inbox.stored).hasSize(21);
    }

    @Test
    void aRedeliveryIsAcceptedButNotNew() {
        inbox.gate.countDown();

        assertThat(ingestion.accept(event("w-1"), "{}")).isTrue();
        assertThat(ingestion.accept(event("w-1"), "{}")).isFalse();
        assertThat(inbox.stored).containsExactly("w-1");
    }

    @Test
    void aFailedTransactionFailsItsCallersAndTheNextOneProceeds() {
        inbox.gate.countDown();
        inbox.failNext = true;

        assertThatThrownBy(() -> ingestion.accept(event("w-1"), "{}"))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("could not store webhook w-1");
        assertThat(ingestion.accept(event("w-1"), "{}")).isTrue();
    }

    @Test
    void afterCloseEventsAreRefused() {
        inbox.gate.countDown();
        ingestion.close();

        assertThatThrownBy(() -> ingestion.accept(event("w-1"), "{}"))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("shutting down");
        assertThat(inbox.stored).isEmpty();
    }

    private static WebhookEvent event(String id) {
        return new WebhookEvent(
                id,
                WebhookEvent.Type.PRICE_CHANGED,
                "P000000001",
                "500000",
                Instant.parse("2026-12-01T09:00:00Z"));
    }

    /** Stores ids in memory; its first transaction waits for {@link #gate}. */
    private static final class RecordingInbox implements WebhookInbox {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final Set<String> stored = Collections.synchronizedSet(new HashSet<>());
        volatile boolean failNext;

        @Override
        public List<Boolean> insertAllIfAbsent(List<Received> received) {
            entered.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("database unavailable");
            }
            batchSizes.add(received.size());
            return received.stream().map(r -> stored.add(r.event().webhookId())).toList();
        }

        @Override
        public List<WebhookEvent> pending(int limit) {
            return List.of();
        }

        @Override
        public Optional<InboxState> state(String webhookId) {
            return Optional.empty();
        }

        @Override
        public Counts counts() {
            return new Counts(0, 0, 0, 0);
        }
    }

    /** The worker finds nothing pending, so its applier never writes. */
    private static final class UnusedChangeLog implements ChangeLog {

        @Override
        public Committed commit(
                Collection<String> propertyIds, Function<Map<String, Stored>, Writes> decide) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public List<PropertyChange> history(
                String propertyId, Optional<TrackedField> field, int limit) {
            throw new UnsupportedOperationException("not used");
        }
    }
}
