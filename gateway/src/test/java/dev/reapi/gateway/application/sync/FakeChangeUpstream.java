package dev.reapi.gateway.application.sync;

import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.ChangeFile;
import dev.reapi.client.model.ChangeRow;
import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.Schools;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.model.Valuation;
import dev.reapi.gateway.application.port.out.ChangeFileLinkExpired;
import dev.reapi.gateway.application.port.out.ChangeFiles;
import dev.reapi.gateway.application.port.out.PropertySource;
import dev.reapi.gateway.application.port.out.UpstreamFailure;
import dev.reapi.gateway.domain.property.EnrichedProperty;
import dev.reapi.gateway.domain.sync.PropertyDiff;
import dev.reapi.gateway.domain.sync.SyncFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A seeded upstream for change-file sync tests: a few days of change files (new, modified and
 * deleted properties; one property modified every day, so it is in every day's file) and the bulk
 * details behind them, which answer each property's final state. Days can be held back as not
 * published, a file's first link can expire after some rows, and a bulk call can fail.
 */
final class FakeChangeUpstream implements ChangeFiles, PropertySource {

    static final int INITIAL = 24;

    /** The properties that exist before the first day, in their first version. */
    final List<Property> initial = new ArrayList<>();

    /** Each property's final state; deleted ones are absent. */
    final Map<String, Property> current = new LinkedHashMap<>();

    /** The ids each bulk call asked for. */
    final List<List<String>> bulkCalls = new ArrayList<>();

    /** The days whose files were listed, in order. */
    final List<LocalDate> listings = new ArrayList<>();

    /** Files whose first link expires after that many rows were read. */
    final Map<String, Integer> expireAfter = new HashMap<>();

    /** The bulk call (counted from 1) that fails; 0 for none. */
    int failBulkCall;

    /** Days from this one on are not published. */
    LocalDate publishedBefore;

    /** Days the upstream skipped: never published. */
    final Set<LocalDate> gaps = new HashSet<>();

    private final TreeMap<LocalDate, Map<ChangeFile.Kind, List<ChangeRow>>> days = new TreeMap<>();
    private final Set<String> expiredOnce = new HashSet<>();
    private int links;

    /** {@code dayCount} days of changes from {@code first}, drawn from {@code seed}. */
    FakeChangeUpstream(long seed, LocalDate first, int dayCount) {
        var random = new Random(seed);
        for (int i = 1; i <= INITIAL; i++) {
            Property p = SyncFixtures.listed("P%09d".formatted(i));
            initial.add(p);
            current.put(p.id(), p);
        }
        int next = INITIAL + 1;
        for (int d = 0; d < dayCount; d++) {
            LocalDate day = first.plusDays(d);
            Map<ChangeFile.Kind, List<ChangeRow>> files = new EnumMap<>(ChangeFile.Kind.class);
            for (ChangeFile.Kind kind : ChangeFile.Kind.values()) {
                files.put(kind, new ArrayList<>());
            }
            int added = random.nextInt(4);
            for (int i = 0; i < added; i++) {
                String id = "P%09d".formatted(next++);
                Instant at = at(day, random);
                current.put(id, PropertyDiff.withVersion(SyncFixtures.listed(id), at));
                files.get(ChangeFile.Kind.NEW).add(new ChangeRow(ChangeFile.Kind.NEW, id, at));
            }
            List<String> alive = new ArrayList<>(current.keySet());
            Set<String> modified = new HashSet<>();
            modified.add(alive.getFirst());
            int changes = 3 + random.nextInt(8);
            for (int i = 0; i < changes; i++) {
                modified.add(alive.get(random.nextInt(alive.size())));
            }
            for (String id : modified) {
                Instant drawn = at(day, random);
                Instant version = current.get(id).updatedAt();
                Instant at = drawn.isAfter(version) ? drawn : version.plusSeconds(1);
                long price = 100_000 + random.nextInt(900) * 1_000L;
                current.put(id, PropertyDiff.withPrice(current.get(id), price, at));
                files.get(ChangeFile.Kind.MODIFIED)
                        .add(new ChangeRow(ChangeFile.Kind.MODIFIED, id, at));
            }
            int deleted = random.nextInt(3);
            for (int i = 0; i < deleted; i++) {
                String id = alive.get(1 + random.nextInt(alive.size() - 1));
                if (current.remove(id) != null) {
                    files.get(ChangeFile.Kind.DELETED)
                            .add(new ChangeRow(ChangeFile.Kind.DELETED, id, at(day, random)));
                }
            }
            files.values()
                    .forEach(
                            rows ->
                                    rows.sort(
                                            Comparator.comparing(ChangeRow::lastUpdateDate)
                                                    .thenComparing(ChangeRow::propertyId)));
            days.put(day, files);
        }
        publishedBefore = first.plusDays(dayCount);
    }

    /** The days with files. */
    List<LocalDate> days() {
        return List.copyOf(days.keySet());
    }

    /** The rows of one day's file. */
    List<ChangeRow> rows(LocalDate day, ChangeFile.Kind kind) {
        return days.get(day).get(kind);
    }

    @Override
    public Optional<List<ChangeFile>> files(LocalDate day) {
        listings.add(day);
        if (!days.containsKey(day) || !day.isBefore(publishedBefore) || gaps.contains(day)) {
            return Optional.empty();
        }
        List<ChangeFile> files = new ArrayList<>();
        links++;
        for (ChangeFile.Kind kind : ChangeFile.Kind.values()) {
            String name =
                    day.toString().replace("-", "")
                            + "_"
                            + kind.name().toLowerCase(Locale.ROOT)
                            + ".csv";
            files.add(
                    new ChangeFile(
                            day,
                            kind,
                            name,
                            days.get(day).get(kind).size() * 30L,
                            "https://files.example/" + name + "?link=" + links,
                            day.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        return Optional.of(files);
    }

    @Override
    public Stream<ChangeRow> rows(ChangeFile file) {
        List<ChangeRow> rows = days.get(file.day()).get(file.kind());
        Integer after = expireAfter.get(file.filename());
        if (after != null && expiredOnce.add(file.filename())) {
            return Stream.concat(
                    rows.stream().limit(after),
                    Stream.generate(
                                    () -> {
                                        throw new ChangeFileLinkExpired(
                                                file.filename(),
                                                new IllegalStateException("403 from the host"));
                                    })
                            .map(ChangeRow.class::cast)
                            .limit(1));
        }
        return rows.stream();
    }

    @Override
    public BulkResult bulk(List<String> ids, String requestId) {
        bulkCalls.add(List.copyOf(ids));
        if (bulkCalls.size() == failBulkCall) {
            throw new UpstreamFailure(
                    UpstreamFailure.Kind.UNAVAILABLE,
                    "bulk call " + failBulkCall + " failed on purpose",
                    Optional.empty(),
                    new IllegalStateException("injected"));
        }
        List<Property> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Property p = current.get(id);
            if (p == null) {
                missing.add(id);
            } else {
                found.add(p);
            }
        }
        return new BulkResult(found, missing);
    }

    @Override
    public SearchPage search(SearchRequest request, String requestId) {
        throw new UnsupportedOperationException("search");
    }

    @Override
    public Property property(String id, String requestId) {
        throw new UnsupportedOperationException("property");
    }

    @Override
    public Valuation valuation(String propertyId, String requestId) {
        throw new UnsupportedOperationException("valuation");
    }

    @Override
    public Valuation valuationByAddress(String address, String requestId) {
        throw new UnsupportedOperationException("valuationByAddress");
    }

    @Override
    public Demographics demographics(Property property, String requestId) {
        throw new UnsupportedOperationException("demographics");
    }

    @Override
    public Schools schools(Property property, String requestId) {
        throw new UnsupportedOperationException("schools");
    }

    @Override
    public EnrichedProperty enrich(Property property, String requestId) {
        throw new UnsupportedOperationException("enrich");
    }

    private static Instant at(LocalDate day, Random random) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(86_400));
    }
}
