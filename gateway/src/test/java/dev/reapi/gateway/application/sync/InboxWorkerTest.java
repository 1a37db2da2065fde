package dev.reapi.gateway.application.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.port.out.ChangeLog;
import dev.reapi.gateway.application.port.out.WebhookInbox;
import dev.reapi.gateway.domain.sync.InboxState;
import dev.reapi.gateway.domain.sync.PropertyChange;
import dev.reapi.gateway.domain.sync.TrackedField;
import dev.reapi.gateway.domain.sync.WebhookEvent;
import dev.reapi.gateway.testing.MutableClock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class InboxWorkerTest {

    private final CountingInbox inbox = new CountingInbox();
    private final CountingChangeLog log = new CountingChangeLog();
    private final ChangeApplier applier =
            new ChangeApplier(
                    log,
                    JsonCodecs.propertyCodecs().property(),
                    ChangeHook.none(),
                    MutableClock.standard());

    @Test
    void wake_manyTimesWithinTheGatheringDelay_appliesOnce() {
        try (var worker = new InboxWorker(inbox, applier, Duration.ofMillis(300))) {
            for (int i = 0; i < 50; i++) {
                worker.wake();
            }

            await().atMost(Duration.ofSeconds(5)).until(() -> log.commits.get() == 1);
        }

        assertThat(inbox.reads.get()).isEqualTo(1);
        assertThat(log.commits.get()).isEqualTo(1);
    }

    @Test
    void wake_afterADrain_appliesAgain() {
        try (var worker = new InboxWorker(inbox, applier, Duration.ZERO)) {
            worker.wake();
            await().atMost(Duration.ofSeconds(5)).until(() -> log.commits.get() == 1);

            worker.wake();

            await().atMost(Duration.ofSeconds(5)).until(() -> log.commits.get() == 2);
        }
    }

    @Test
    void close_withADrainAskedFor_runsItFirst() {
        var worker = new InboxWorker(inbox, applier, Duration.ofMillis(100));
        worker.wake();

        worker.close();

        assertThat(log.commits.get()).isEqualTo(1);
    }

    @Test
    void constructor_withANegativeDelay_isRejected() {
        assertThatThrownBy(() -> new InboxWorker(inbox, applier, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gather");
    }

    /** Finds nothing pending and counts how often it was asked. */
    private static final class CountingInbox implements WebhookInbox {

        final AtomicInteger reads = new AtomicInteger();

        @Override
        public List<Boolean> insertAllIfAbsent(List<Received> received) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public List<WebhookEvent> pending(int limit) {
            reads.incrementAndGet();
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

    /** Commits nothing and counts the transactions the applier asked for. */
    private static final class CountingChangeLog implements ChangeLog {

        final AtomicInteger commits = new AtomicInteger();

        @Override
        public Committed commit(
                Collection<String> propertyIds, Function<Map<String, Stored>, Writes> decide) {
            commits.incrementAndGet();
            return new Committed(0, List.of(), 0);
        }

        @Override
        public List<PropertyChange> history(
                String propertyId, Optional<TrackedField> field, int limit) {
            throw new UnsupportedOperationException("not used");
        }
    }
}
