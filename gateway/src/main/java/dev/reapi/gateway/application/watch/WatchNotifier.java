package dev.reapi.gateway.application.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.client.model.Property;
import dev.reapi.gateway.application.port.out.ChangeLog;
import dev.reapi.gateway.application.port.out.ChangeLog.Notices;
import dev.reapi.gateway.application.port.out.ChangeLog.Watchers;
import dev.reapi.gateway.domain.notify.NewNotification;
import dev.reapi.gateway.domain.sync.PropertyChange;
import dev.reapi.gateway.domain.watch.Membership;
import dev.reapi.gateway.domain.watch.SearchMatcher;
import dev.reapi.gateway.domain.watch.Watch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Decides the watch notifications of a commit, inside its transaction:
 *
 * <ul>
 *   <li>{@code property.changed}: one per property watch per property with recorded changes,
 *       carrying the changed fields with old and new values, their source and version;
 *   <li>{@code search.entered} / {@code search.left}: when a written property now matches a saved
 *       search it was not a member of, or no longer matches one it was, with a summary of the
 *       property; the membership is updated in the same transaction.
 * </ul>
 *
 * <p>Event keys derive from what caused the event: the identities {@code (property, field, new
 * value, version)} of the recorded changes, or the property and version that crossed a search's
 * boundary. Since a change is recorded only once whichever path sees it, and membership makes a
 * crossing happen once, no sighting can notify twice. Thread-safe.
 */
public final class WatchNotifier {

    private static final Comparator<Property> BY_ID = Comparator.comparing(Property::id);

    private final ObjectMapper mapper;

    /** A notifier writing payloads with {@code mapper}. */
    public WatchNotifier(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * The notifications of a commit writing {@code written} (the new versions of properties, by
     * id), to be appended at {@code now}.
     */
    public ChangeLog.Notify plan(Map<String, Property> written, Instant now) {
        Map<String, Property> properties = Map.copyOf(written);
        return (recorded, watchers) -> decide(properties, recorded, watchers, now);
    }

    private Notices decide(
            Map<String, Property> written,
            List<PropertyChange> recorded,
            Watchers watchers,
            Instant now) {
        Map<String, List<PropertyChange>> changed =
                recorded.stream()
                        .collect(
                                Collectors.groupingBy(
                                        PropertyChange::propertyId,
                                        LinkedHashMap::new,
                                        Collectors.toList()));
        List<NewNotification> notifications = new ArrayList<>();
        changed.forEach(
                (id, changes) -> {
                    for (Watch watch : watchers.propertyWatches()) {
                        if (watch.propertyId().orElseThrow().equals(id)) {
                            notifications.add(propertyChanged(watch, id, changes));
                        }
                    }
                });
        List<Membership> joined = new ArrayList<>();
        List<Membership> left = new ArrayList<>();
        for (Property p : written.values().stream().sorted(BY_ID).toList()) {
            Instant version = version(p, changed.getOrDefault(p.id(), List.of()));
            for (Watch search : watchers.searches()) {
                Membership membership = new Membership(search.id(), p.id());
                boolean matches = SearchMatcher.matches(search.search().orElseThrow(), p);
                boolean was = watchers.members().contains(membership);
                if (matches && !was) {
                    joined.add(membership);
                    notifications.add(crossed(search, "search.entered", p, version));
                } else if (!matches && was) {
                    left.add(membership);
                    notifications.add(crossed(search, "search.left", p, version));
                }
            }
        }
        return new Notices(notifications, joined, left, now);
    }

    private NewNotification propertyChanged(
            Watch watch, String propertyId, List<PropertyChange> changes) {
        ObjectNode payload = mapper.createObjectNode();
        payload.put("watch_id", watch.id());
        payload.put("property_id", propertyId);
        payload.put("source", changes.getFirst().source().wireName());
        payload.put(
                "version",
                changes.stream()
                        .map(PropertyChange::version)
                        .max(Comparator.naturalOrder())
                        .orElseThrow()
                        .toString());
        ArrayNode fields = payload.putArray("changes");
        StringBuilder identity = new StringBuilder(propertyId);
        for (PropertyChange c : changes) {
            fields.addObject()
                    .put("field", c.field().wireName())
                    .put("old_value", c.oldValue())
                    .put("new_value", c.newValue())
                    .put("version", c.version().toString());
            identity.append('|')
                    .append(c.field().wireName())
                    .append('=')
                    .append(c.newValue())
                    .append('@')
                    .append(c.version());
        }
        return new NewNotification(
                watch.userId(),
                "property.changed",
                eventKey(watch, "changed", identity.toString()),
                payload.toString(),
                watch.callbackUrl());
    }

    private NewNotification crossed(Watch search, String type, Property p, Instant version) {
        ObjectNode payload = mapper.createObjectNode();
        payload.put("watch_id", search.id());
        payload.put("property_id", p.id());
        payload.put("version", version.toString());
        ObjectNode summary = payload.putObject("property");
        summary.put("id", p.id());
        summary.put("address", p.address().formatted());
        summary.put("property_type", p.propertyType().wireName());
        summary.put("status", p.status().wireName());
        summary.put("price", p.price());
        summary.put("beds", p.beds());
        summary.put("baths", p.baths());
        summary.put("living_area_sqft", p.livingAreaSqft());
        return new NewNotification(
                search.userId(),
                type,
                eventKey(search, type, p.id() + "@" + version),
                payload.toString(),
                search.callbackUrl());
    }

    /** The newest of the property's version and its recorded changes' versions. */
    private static Instant version(Property p, List<PropertyChange> changes) {
        Instant version = p.updatedAt();
        for (PropertyChange c : changes) {
            if (c.version().isAfter(version)) {
                version = c.version();
            }
        }
        return version;
    }

    /** {@code watch:<id>:<what>:<sha-256 of the cause>}, short enough for any property id. */
    private static String eventKey(Watch watch, String what, String cause) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(cause.getBytes(StandardCharsets.UTF_8));
            return "watch:" + watch.id() + ":" + what + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
