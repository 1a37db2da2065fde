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
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

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
        return applyAll(prepare(properties), source, checkpoint);
    }

    /**
     * Full records made ready to apply: the newest of each id, each encoded for the replica. Pure
     * and thread-safe, so that a caller may prepare the next records while earlier ones commit.
     */
    public Prepared prepare(List<Property> properties) {
        return prepare(properties, List.of());
    }

    /**
     * Full records made ready to apply, as {@link #prepare(List)} does, with each record's JSON as
     * the upstream sent it: a new or replaced replica row stores those bytes instead of encoding
     * the record again. The codec reads them back to the same record, since it reads the upstream's
     * wire format with the client's mapping; members the mapping does not know are kept but never
     * read.
     *
     * @param json each property's JSON in the order of {@code properties}, or empty to encode them
     */
    public Prepared prepare(List<Property> properties, List<String> json) {
        if (!json.isEmpty() && json.size() != properties.size()) {
            throw new IllegalArgumentException(
                    "json must be empty or hold one text per property: "
                            + json.size()
                            + " for "
                            + properties.size());
        }
        Map<String, Integer> newest = new LinkedHashMap<>();
        for (int i = 0; i < properties.size(); i++) {
            newest.merge(
                    properties.get(i).id(),
                    i,
                    (a, b) ->
                            properties.get(b).updatedAt().isBefore(properties.get(a).updatedAt())
                                    ? a
                                    : b);
        }
        Map<String, Encoded> encoded = new LinkedHashMap<>();
        newest.forEach(
                (id, i) -> {
                    Property p = properties.get(i);
                    encoded.put(id, new Encoded(p, json.isEmpty() ? codec.encode(p) : json.get(i)));
                });
        return new Prepared(encoded);
    }

    /**
     * Applies {@code prepared} records and stores {@code checkpoint} with them.
     *
     * @return what was written
     */
    public Committed applyAll(
            Prepared prepared, ChangeSource source, Optional<SyncCheckpoint> checkpoint) {
        Instant now = clock.instant();
        Committed committed =
                log.commit(
                        prepared.newest.keySet(),
                        stored -> fullRecordWrites(prepared, stored, source, checkpoint, now));
        notifyHook(committed.changes());
        return committed;
    }

    /** What applying {@code prepared} over {@code stored} writes. */
    private Writes fullRecordWrites(
            Prepared prepared,
            Map<String, Stored> stored,
            ChangeSource source,
            Optional<SyncCheckpoint> checkpoint,
            Instant now) {
        List<ReplicatedProperty> rows = new ArrayList<>();
        List<PropertyChange> changes = new ArrayList<>();
        Map<String, Property> written = new LinkedHashMap<>();
        for (Encoded record : prepared.newest.values()) {
            Property incoming = record.property();
            Stored current = stored.get(incoming.id());
            if (current == null) {
                rows.add(replicated(incoming, record.json(), now));
                written.put(incoming.id(), incoming);
                continue;
            }
            if (!PropertyDiff.supersedes(incoming.updatedAt(), current.row().updatedAt())) {
                continue;
            }
            Property before = codec.decode(current.row().json());
            Property merged = keepNewerPatches(before, incoming, current);
            changes.addAll(PropertyDiff.between(before, merged, source, now));
            rows.add(
                    merged.equals(incoming)
                            ? replicated(incoming, record.json(), now)
                            : replicated(merged, now));
            written.put(merged.id(), merged);
        }
        return new Writes(rows, changes, List.of(), checkpoint, watcherNotice(written, now));
    }

    /**
     * Applies one webhook event and marks it in the inbox, in one transaction.
     *
     * @return the event's new state
     */
    public InboxState applyWebhook(WebhookEvent event) {
        return applyWebhooks(List.of(event)).get(event.webhookId());
    }

    /**
     * Applies webhook events in the given order and marks each in the inbox, all in one
     * transaction: each event is judged against the state the earlier ones left, exactly as if they
     * were applied one by one, but the batch costs one commit.
     *
     * @return each event's new state, by webhook id
     */
    public Map<String, InboxState> applyWebhooks(List<WebhookEvent> events) {
        Instant now = clock.instant();
        AtomicReference<Map<String, InboxState>> outcome = new AtomicReference<>(Map.of());
        List<String> ids = events.stream().map(WebhookEvent::propertyId).distinct().toList();
        Committed committed =
                log.commit(
                        ids,
                        stored -> {
                            var batch = new WebhookBatch(stored, now);
                            events.forEach(batch::apply);
                            outcome.set(batch.states);
                            return batch.writes();
                        });
        notifyHook(committed.changes());
        return outcome.get();
    }

    /**
     * The effect of a run of webhook events inside one transaction; not thread-safe. Each property
     * is decoded once, when its first event comes, and encoded once, in {@link #writes}: a batch
     * often carries several events of one property.
     */
    private final class WebhookBatch {

        private final Map<String, Stored> stored;
        private final Instant now;
        private final Map<String, Current> current = new HashMap<>();
        private final Map<String, InboxState> states = new LinkedHashMap<>();
        private final Map<String, Property> written = new LinkedHashMap<>();
        private final List<PropertyChange> changes = new ArrayList<>();
        private final List<InboxMark> marks = new ArrayList<>();

        WebhookBatch(Map<String, Stored> stored, Instant now) {
            this.stored = stored;
            this.now = now;
        }

        void apply(WebhookEvent event) {
            Current property = current(event.propertyId());
            InboxState state;
            if (property == null) {
                state = InboxState.UNKNOWN;
            } else if (event.changedAt().isBefore(property.versionOf(field(event)))) {
                state = InboxState.STALE;
            } else {
                Property before = property.property();
                Property patched = patched(before, event);
                List<PropertyChange> diff =
                        PropertyDiff.between(
                                PropertyDiff.withVersion(before, event.changedAt()),
                                patched,
                                ChangeSource.WEBHOOK,
                                now);
                changes.addAll(diff);
                // A recorded change is the field's new version, as a later read of the store
                // would see it.
                Map<TrackedField, Instant> versions = new EnumMap<>(TrackedField.class);
                versions.putAll(property.fieldVersions());
                if (diff.stream().anyMatch(c -> c.field() == field(event))) {
                    versions.merge(field(event), event.changedAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
                // The row keeps the version of its last full record, so an older full record can
                // still bring the fields this event does not carry.
                current.put(
                        event.propertyId(),
                        new Current(
                                PropertyDiff.withVersion(patched, before.updatedAt()),
                                before.updatedAt(),
                                versions));
                written.put(event.propertyId(), patched);
                state = InboxState.APPLIED;
            }
            states.put(event.webhookId(), state);
            marks.add(new InboxMark(event.webhookId(), state, now));
        }

        private @Nullable Current current(String propertyId) {
            Current known = current.get(propertyId);
            if (known != null) {
                return known;
            }
            Stored found = stored.get(propertyId);
            if (found == null) {
                return null;
            }
            var decoded =
                    new Current(
                            codec.decode(found.row().json()),
                            found.row().updatedAt(),
                            found.fieldVersions());
            current.put(propertyId, decoded);
            return decoded;
        }

        Writes writes() {
            List<ReplicatedProperty> rows = new ArrayList<>();
            written.keySet().forEach(id -> rows.add(replicated(current.get(id).property(), now)));
            return new Writes(rows, changes, marks, Optional.empty(), watcherNotice(written, now));
        }
    }

    /**
     * A property as the events so far in a batch left it.
     *
     * @param property the row's content, carrying the version of the last full record
     * @param rowVersion the version of the last full record
     * @param fieldVersions the newest recorded change version per field
     */
    private record Current(
            Property property, Instant rowVersion, Map<TrackedField, Instant> fieldVersions) {

        Instant versionOf(TrackedField field) {
            return Stored.versionOf(fieldVersions.get(field), rowVersion);
        }
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

    private Optional<ChangeLog.Notify> watcherNotice(Map<String, Property> written, Instant now) {
        return notifier.map(n -> n.plan(written, now));
    }

    private ReplicatedProperty replicated(Property property, Instant now) {
        return replicated(property, codec.encode(property), now);
    }

    private static ReplicatedProperty replicated(Property property, String json, Instant now) {
        return new ReplicatedProperty(property.id(), json, property.updatedAt(), now);
    }

    /**
     * Full records ready for {@link #applyAll(Prepared, ChangeSource, Optional)}, from {@link
     * #prepare(List)}. Immutable.
     */
    public static final class Prepared {

        private final Map<String, Encoded> newest;

        private Prepared(Map<String, Encoded> newest) {
            this.newest = Collections.unmodifiableMap(newest);
        }
    }

    /** A full record with its replica JSON. */
    private record Encoded(Property property, String json) {}

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
