package dev.reapi.gateway.application.sync;

import dev.reapi.client.model.Property;
import dev.reapi.client.model.PropertyStatus;
import dev.reapi.gateway.application.cache.ValueCodec;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.port.out.ChangeLog;
import dev.reapi.gateway.application.port.out.ChangeLog.Committed;
import dev.reapi.gateway.application.port.out.ChangeLog.InboxMark;
import dev.reapi.gateway.application.port.out.ChangeLog.Stored;
import dev.reapi.gateway.application.port.out.ChangeLog.Writes;
import dev.reapi.gateway.application.port.out.ReplicaStore.ReplicatedProperty;
import dev.reapi.gateway.application.watch.WatchNotifier;
import dev.reapi.gateway.domain.sync.ChangeSource;
import dev.reapi.gateway.domain.sync.InboxState;
import dev.reapi.gateway.domain.sync.PropertyChange;
import dev.reapi.gateway.domain.sync.PropertyDiff;
import dev.reapi.gateway.domain.sync.SyncCheckpoint;
import dev.reapi.gateway.domain.sync.TrackedField;
import dev.reapi.gateway.domain.sync.WebhookEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Applies newer versions of properties to the replica and records each changed tracked field once,
 * in one transaction per call; then tells the {@link ChangeHook} which properties changed.
 *
 * <p>A full record replaces the stored one when its {@code updated_at} is not older, except for a
 * price or status a webhook changed at a later version. A webhook patches its one field when its
 * {@code changed_at} is not older than that field's version (its last recorded change, or the last
 * full record); an older event is marked stale and changes nothing. Versions are per field because
 * a webhook carries one field: a status event must not hide an earlier price event that arrives
 * after it. The first sight of a property is a baseline, not a change: nothing is recorded for it.
 *
 * <p>With a {@link WatchNotifier}, the watchers of what a commit records (and the saved searches a
 * written property enters or leaves) are notified through the outbox in the same transaction.
 * Thread-safe.
 */
public final class ChangeApplier {

    private final ChangeLog log;
    private final ValueCodec<Property> codec;
    private final ChangeHook hook;
    private final Clock clock;
    private final Optional<WatchNotifier> notifier;

    /**
     * An applier writing through {@code log}, storing properties with {@code codec}, notifying no
     * watchers.
     */
    public ChangeApplier(ChangeLog log, ValueCodec<Property> codec, ChangeHook hook, Clock clock) {
        this(log, codec, hook, clock, Optional.empty());
    }

    /** An applier that also notifies watchers through {@code notifier}, when present. */
    public ChangeApplier(
            ChangeLog log,
            ValueCodec<Property> codec,
            ChangeHook hook,
            Clock clock,
            Optional<WatchNotifier> notifier) {
        this.log = Objects.requireNonNull(log, "log");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.hook = Objects.requireNonNull(hook, "hook");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
    }

    /**
     * Applies full records (for one id the newest wins) and stores {@code checkpoint} with them.
     *
     * @return what was written
     */
    public Committed applyAll(
            List<Property> properties, ChangeSource source, Optional<SyncCheckpoint> checkpoint) {
        Map<String, Property> newest = new LinkedHashMap<>();
        for (Property p : properties) {
            newest.merge(p.id(), p, (a, b) -> b.updatedAt().isBefore(a.updatedAt()) ? a : b);
        }
        Instant now = clock.instant();
        Committed committed =
                log.commit(
                        newest.keySet(),
                        stored -> {
                            List<ReplicatedProperty> rows = new ArrayList<>();
                            List<PropertyChange> changes = new ArrayList<>();
                            Map<String, Property> written = new LinkedHashMap<>();
                            for (Property incoming : newest.values()) {
                                Stored current = stored.get(incoming.id());
                                if (current == null) {
                                    rows.add(replicated(incoming, now));
                                    written.put(incoming.id(), incoming);
                                    continue;
                                }
                                if (!PropertyDiff.supersedes(
                                        incoming.updatedAt(), current.row().updatedAt())) {
                                    continue;
                                }
                                Property before = codec.decode(current.row().json());
                                Property merged = keepNewerPatches(before, incoming, current);
                                changes.addAll(PropertyDiff.between(before, merged, source, now));
                                rows.add(replicated(merged, now));
                                written.put(merged.id(), merged);
                            }
                            return new Writes(
                                    rows, changes, List.of(), checkpoint, notify(written, now));
                        });
        notifyHook(committed.changes());
        return committed;
    }

    /**
     * Applies one webhook event and marks it in the inbox, in one transaction.
     *
     * @return the event's new state
     */
    public InboxState applyWebhook(WebhookEvent event) {
        Instant now = clock.instant();
        AtomicReference<InboxState> outcome = new AtomicReference<>(InboxState.UNKNOWN);
        Committed committed =
                log.commit(
                        List.of(event.propertyId()),
                        stored -> {
                            Stored current = stored.get(event.propertyId());
                            if (current == null) {
                                return mark(event, InboxState.UNKNOWN, now);
                            }
                            if (event.changedAt().isBefore(current.versionOf(field(event)))) {
                                outcome.set(InboxState.STALE);
                                return mark(event, InboxState.STALE, now);
                            }
                            Property before = codec.decode(current.row().json());
                            // The diff is versioned with changed_at; the row keeps the version of
                            // its last full record, so an older full record can still bring the
                            // fields this event does not carry.
                            Property after = patched(before, event);
                            outcome.set(InboxState.APPLIED);
                            return new Writes(
                                    List.of(
                                            replicated(
                                                    PropertyDiff.withVersion(
                                                            after, before.updatedAt()),
                                                    now)),
                                    PropertyDiff.between(
                                            PropertyDiff.withVersion(before, event.changedAt()),
                                            after,
                                            ChangeSource.WEBHOOK,
                                            now),
                                    List.of(
                                            new InboxMark(
                                                    event.webhookId(), InboxState.APPLIED, now)),
                                    Optional.empty(),
                                    notify(Map.of(after.id(), after), now));
                        });
        notifyHook(committed.changes());
        return outcome.get();
    }

    /**
     * {@code incoming} with the price and status of {@code before} where a webhook recorded a
     * change of them newer than {@code incoming}'s version.
     */
    private static Property keepNewerPatches(Property before, Property incoming, Stored current) {
        Property merged = incoming;
        if (current.versionOf(TrackedField.PRICE).isAfter(incoming.updatedAt())) {
            merged = PropertyDiff.withPrice(merged, before.price(), incoming.updatedAt());
        }
        if (current.versionOf(TrackedField.STATUS).isAfter(incoming.updatedAt())) {
            merged = PropertyDiff.withStatus(merged, before.status(), incoming.updatedAt());
        }
        return merged;
    }

    private static TrackedField field(WebhookEvent event) {
        return switch (event.type()) {
            case PRICE_CHANGED -> TrackedField.PRICE;
            case STATUS_CHANGED -> TrackedField.STATUS;
        };
    }

    private static Writes mark(WebhookEvent event, InboxState state, Instant now) {
        return new Writes(
                List.of(),
                List.of(),
                List.of(new InboxMark(event.webhookId(), state, now)),
                Optional.empty());
    }

    private static Property patched(Property before, WebhookEvent event) {
        return switch (event.type()) {
            case PRICE_CHANGED ->
                    PropertyDiff.withPrice(
                            before, Long.parseLong(event.newValue()), event.changedAt());
            case STATUS_CHANGED ->
                    PropertyDiff.withStatus(
                            before, PropertyStatus.fromWire(event.newValue()), event.changedAt());
        };
    }

    private Optional<ChangeLog.Notify> notify(Map<String, Property> written, Instant now) {
        return notifier.map(n -> n.plan(written, now));
    }

    private ReplicatedProperty replicated(Property property, Instant now) {
        return new ReplicatedProperty(
                property.id(), codec.encode(property), property.updatedAt(), now);
    }

    private void notifyHook(List<PropertyChange> changes) {
        Map<String, List<PropertyChange>> byProperty =
                changes.stream()
                        .collect(
                                Collectors.groupingBy(
                                        PropertyChange::propertyId,
                                        LinkedHashMap::new,
                                        Collectors.toList()));
        byProperty.forEach((id, own) -> hook.changed(id, PropertyDiff.becameSold(own)));
    }
}
