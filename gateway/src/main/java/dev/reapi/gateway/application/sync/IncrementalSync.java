package dev.reapi.gateway.application.sync;

import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.Property;
import dev.reapi.gateway.application.port.in.PropertyRefresh;
import dev.reapi.gateway.application.port.out.PropertySource;
import dev.reapi.gateway.application.port.out.UpstreamFailure;
import dev.reapi.gateway.application.port.out.UsageLedger;
import dev.reapi.gateway.domain.ledger.DailyCapReachedException;
import dev.reapi.gateway.domain.ledger.UsageEntry;
import dev.reapi.gateway.domain.sync.ChangeSource;
import dev.reapi.gateway.domain.sync.PropertyChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-fetches given properties from the upstream in bulk calls (up to {@value #BULK_LIMIT} ids each)
 * and applies them with source {@link ChangeSource#INCREMENTAL}, between batch syncs: for a user's
 * {@code refresh} request and for the periodic refresh of watched properties. Thread-safe.
 */
public final class IncrementalSync implements PropertyRefresh {

    /** The most ids the upstream takes in one bulk call. */
    public static final int BULK_LIMIT = 1000;

    /** The ledger endpoint of a user's refresh. */
    public static final String ENDPOINT = "refresh";

    private static final Logger LOG = LoggerFactory.getLogger(IncrementalSync.class);

    private final PropertySource source;
    private final ChangeApplier applier;
    private final UsageLedger ledger;
    private final Clock clock;

    /**
     * Refreshes read from {@code source}, applied through {@code applier}, billed to {@code
     * ledger}.
     */
    public IncrementalSync(
            PropertySource source, ChangeApplier applier, UsageLedger ledger, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What one refresh found.
     *
     * @param properties the properties the upstream returned
     * @param missing the ids the upstream does not know
     * @param changes the changes newly recorded
     * @param upstreamCalls the bulk calls made
     */
    public record Result(
            List<Property> properties,
            List<String> missing,
            List<PropertyChange> changes,
            int upstreamCalls) {

        public Result {
            properties = List.copyOf(properties);
            missing = List.copyOf(missing);
            changes = List.copyOf(changes);
        }
    }

    /**
     * Fetches {@code ids} and applies what the upstream returns, one transaction per bulk call.
     *
     * @throws UpstreamFailure when a bulk call fails; the calls before it stay applied
     */
    public Result refresh(Collection<String> ids, String requestId) {
        List<String> all = List.copyOf(ids);
        List<Property> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<PropertyChange> changes = new ArrayList<>();
        int calls = 0;
        for (int from = 0; from < all.size(); from += BULK_LIMIT) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + BULK_LIMIT));
            BulkResult answer = source.bulk(chunk, requestId);
            calls++;
            changes.addAll(
                    applier.applyAll(
                                    answer.properties(), ChangeSource.INCREMENTAL, Optional.empty())
                            .changes());
            found.addAll(answer.properties());
            missing.addAll(answer.missing());
        }
        LOG.debug(
                "Request {}: incremental sync of {} properties recorded {} changes",
                requestId,
                all.size(),
                changes.size());
        return new Result(found, missing, changes, calls);
    }

    @Override
    public Refreshed refresh(
            String propertyId, String userId, OptionalLong dailyRecordCap, String requestId) {
        Instant now = clock.instant();
        checkCap(userId, dailyRecordCap, now);
        Result result;
        try {
            result = refresh(List.of(propertyId), requestId);
        } catch (UpstreamFailure e) {
            ledger.append(UsageEntry.billed(now, userId, ENDPOINT, 1, 0));
            throw e;
        }
        ledger.append(
                UsageEntry.billed(
                        now, userId, ENDPOINT, result.upstreamCalls(), result.properties().size()));
        Property property =
                result.properties().stream()
                        .filter(p -> p.id().equals(propertyId))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new UpstreamFailure(
                                                UpstreamFailure.Kind.NOT_FOUND,
                                                "the upstream has no property " + propertyId,
                                                Optional.empty(),
                                                new IllegalStateException(
                                                        "missing from bulk answer")));
        return new Refreshed(property, result.changes());
    }

    private void checkCap(String userId, OptionalLong cap, Instant now) {
        if (cap.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long billed = ledger.recordsBilled(userId, today);
        if (billed >= cap.getAsLong()) {
            Instant resetsAt = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            throw new DailyCapReachedException(
                    userId, cap.getAsLong(), billed, resetsAt, Duration.between(now, resetsAt));
        }
    }
}
