package dev.reapi.client.internal.v2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reapi.client.internal.ClientCore;
import dev.reapi.client.internal.Exchange;
import dev.reapi.client.internal.Protocol;
import dev.reapi.client.model.BulkRequest;
import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.ChangeFile;
import dev.reapi.client.model.ChangeRow;
import dev.reapi.client.model.Comps;
import dev.reapi.client.model.Coordinates;
import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.Health;
import dev.reapi.client.model.KeyInfo;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.School;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.model.UpdatedJsonPage;
import dev.reapi.client.model.UpdatedPage;
import dev.reapi.client.model.UpdatedRequest;
import dev.reapi.client.model.Valuation;
import dev.reapi.client.model.ValuationBatch;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Version 2 of the upstream API (docs/api/upstream-v2.md): JSON bodies, enveloped answers, errors
 * inside 200 answers, offset paging, demographics and schools inside the property detail, and
 * change files instead of an updated feed. Thread-safe.
 */
public final class V2Protocol implements Protocol {

    /** The radius of the school list inside a v2 detail, in miles. */
    static final double DETAIL_SCHOOL_RADIUS_MILES = 3.0;

    private static final Logger LOG =
            LoggerFactory.getLogger("dev.reapi.client.RealEstateApiClient");

    private final ClientCore core;
    private final V2Errors errors;
    private final ChangeFiles changeFiles;
    private final AtomicBoolean sortWarned = new AtomicBoolean();

    /** A protocol sending through {@code core}. */
    public V2Protocol(ClientCore core) {
        this.core = core;
        this.errors = new V2Errors(core.mapper(), core.clock());
        this.changeFiles = new ChangeFiles(core);
    }

    @Override
    public String name() {
        return "v2";
    }

    /**
     * v2 has no sort: results come by id ascending, so a requested order is ignored (WARN once).
     */
    @Override
    public CompletableFuture<SearchPage> search(
            SearchRequest request, String requestId, boolean blocking) {
        if (request.sort() != null && sortWarned.compareAndSet(false, true)) {
            LOG.warn(
                    "v2 PropertySearch has no sort; ignoring sort={} (results come by id"
                            + " ascending); request_id={}",
                    request.sort(),
                    requestId);
        }
        long index = V2Search.resultIndex(request.cursor());
        return send(
                "PropertySearch", V2Search.body(request), e -> page(e, index), requestId, blocking);
    }

    private static SearchPage page(V2Envelope envelope, long requestedIndex) throws IOException {
        if (!envelope.data().isArray()) {
            throw new IOException("PropertySearch data is not an array");
        }
        List<Property> properties = new ArrayList<>(envelope.data().size());
        for (JsonNode item : envelope.data()) {
            properties.add(V2Json.property(item));
        }
        long total = envelope.resultCount(properties.size());
        long index = envelope.resultIndex(requestedIndex);
        return new SearchPage(properties, total, V2Search.next(index, properties.size(), total));
    }

    @Override
    public CompletableFuture<Property> property(String id, String requestId, boolean blocking) {
        Map<String, Object> body = Map.of("id", V2Ids.toWire("id", id));
        return send("PropertyDetail", body, e -> V2Json.property(e.data()), requestId, blocking);
    }

    /** Reads one area member of a property's detail. */
    private <T> CompletableFuture<T> fromDetail(
            Property property, V2Envelope.Payload<T> member, String requestId, boolean blocking) {
        Map<String, Object> body = Map.of("id", V2Ids.toWire("property.id", property.id()));
        return send("PropertyDetail", body, member, requestId, blocking);
    }

    /**
     * Matches the answer on id: v2 returns the found properties in no particular order. An id that
     * is not a v2 number cannot exist there, so it is listed as missing rather than failing the
     * whole batch (one caller's odd id must not fail a batcher's other callers).
     */
    @Override
    public CompletableFuture<BulkResult> properties(
            BulkRequest request, String requestId, boolean blocking) {
        Map<Long, String> requested = new LinkedHashMap<>();
        List<String> impossible = new ArrayList<>();
        for (String id : request.ids()) {
            if (V2Ids.isWireId(id)) {
                requested.putIfAbsent(V2Ids.toWire("ids", id), id);
            } else if (!impossible.contains(id)) {
                impossible.add(id);
            }
        }
        if (requested.isEmpty()) {
            return CompletableFuture.completedFuture(new BulkResult(List.of(), impossible));
        }
        Map<String, Object> body = Map.of("ids", List.copyOf(requested.keySet()));
        return send(
                "PropertyDetailBulk",
                body,
                e -> matchOnId(e.data(), requested, impossible),
                requestId,
                blocking);
    }

    private static BulkResult matchOnId(
            JsonNode data, Map<Long, String> requested, List<String> impossible)
            throws IOException {
        Map<Long, Property> byId = new HashMap<>();
        for (JsonNode item : data) {
            byId.put(V2Json.reqLong(item, "id"), V2Json.property(item));
        }
        List<Property> found = new ArrayList<>(byId.size());
        List<String> missing = new ArrayList<>();
        requested.forEach(
                (wireId, asRequested) -> {
                    Property property = byId.get(wireId);
                    if (property != null) {
                        found.add(property);
                    } else {
                        missing.add(asRequested);
                    }
                });
        missing.addAll(impossible);
        return new BulkResult(found, missing);
    }

    @Override
    public CompletableFuture<UpdatedPage> updated(
            UpdatedRequest request, String requestId, boolean blocking) {
        throw new UnsupportedOperationException("v2 has no updated feed; use changeFiles");
    }

    @Override
    public CompletableFuture<UpdatedJsonPage> updatedWithJson(
            UpdatedRequest request, String requestId, boolean blocking) {
        throw new UnsupportedOperationException("v2 has no updated feed; use changeFiles");
    }

    @Override
    public CompletableFuture<Valuation> valuation(
            String propertyId, String requestId, boolean blocking) {
        Map<String, Object> body = Map.of("id", V2Ids.toWire("propertyId", propertyId));
        return send("PropertyAvm", body, e -> V2Json.valuation(e.data()), requestId, blocking);
    }

    @Override
    public CompletableFuture<Valuation> valuationByAddress(
            String address, String requestId, boolean blocking) {
        Map<String, Object> body = Map.of("address", address);
        return send("PropertyAvm", body, e -> V2Json.valuation(e.data()), requestId, blocking);
    }

    /** One PropertyAvmBulk call; its answer is positional and reports failures per item. */
    @Override
    public CompletableFuture<ValuationBatch> valuations(
            List<String> propertyIds, String requestId, boolean blocking) {
        List<Map<String, Object>> items = new ArrayList<>(propertyIds.size());
        for (int i = 0; i < propertyIds.size(); i++) {
            items.add(Map.of("id", V2Ids.toWire("propertyIds[" + i + "]", propertyIds.get(i))));
        }
        return send(
                "PropertyAvmBulk",
                Map.of("properties", items),
                e -> batch(e.data(), propertyIds),
                requestId,
                blocking);
    }

    private static ValuationBatch batch(JsonNode data, List<String> propertyIds)
            throws IOException {
        if (!data.isArray() || data.size() != propertyIds.size()) {
            throw new IOException(
                    "PropertyAvmBulk answered "
                            + data.size()
                            + " items for "
                            + propertyIds.size()
                            + " properties");
        }
        List<Valuation> valuations = new ArrayList<>();
        List<ValuationBatch.Failure> failures = new ArrayList<>();
        for (int i = 0; i < propertyIds.size(); i++) {
            JsonNode item = data.get(i);
            if (item.path("error").asBoolean(false)) {
                String reason = item.path("errorMessage").asText("no valuation");
                failures.add(new ValuationBatch.Failure(propertyIds.get(i), reason));
            } else {
                valuations.add(V2Json.valuation(item));
            }
        }
        return new ValuationBatch(valuations, failures);
    }

    @Override
    public CompletableFuture<Comps> comps(String propertyId, String requestId, boolean blocking) {
        Map<String, Object> body = Map.of("id", V2Ids.toWire("propertyId", propertyId));
        return send("PropertyComps", body, e -> V2Json.comps(e.data()), requestId, blocking);
    }

    @Override
    public CompletableFuture<Demographics> demographics(
            Coordinates point, String requestId, boolean blocking) {
        throw new UnsupportedOperationException(
                "v2 has no demographics by point; use getDemographics(Property), which reads"
                        + " them from the property's detail");
    }

    @Override
    public CompletableFuture<Demographics> demographics(
            Property property, String requestId, boolean blocking) {
        return fromDetail(
                property,
                e -> V2Json.demographics(e.data().path("demographics")),
                requestId,
                blocking);
    }

    @Override
    public CompletableFuture<List<School>> schools(
            Coordinates point, double radiusMiles, String requestId, boolean blocking) {
        throw new UnsupportedOperationException(
                "v2 has no schools by point; use getNearbySchools(Property), which reads them"
                        + " from the property's detail");
    }

    /** The detail lists schools within 3 miles; a smaller radius filters them. */
    @Override
    public CompletableFuture<List<School>> schools(
            Property property, double radiusMiles, String requestId, boolean blocking) {
        if (radiusMiles > DETAIL_SCHOOL_RADIUS_MILES) {
            throw new IllegalArgumentException(
                    "radiusMiles on v2 must be at most "
                            + DETAIL_SCHOOL_RADIUS_MILES
                            + " (the detail lists schools within 3 miles), got "
                            + radiusMiles);
        }
        return fromDetail(
                        property,
                        e -> V2Json.schools(e.data().path("schools")),
                        requestId,
                        blocking)
                .thenApply(
                        all -> all.stream().filter(s -> s.distanceMiles() <= radiusMiles).toList());
    }

    /** Key info doubles as the probe: it is cheap, bills nothing and proves the key works. */
    @Override
    public CompletableFuture<Health> health(String requestId, boolean blocking) {
        return keyInfo(requestId, blocking)
                .thenApply(info -> new Health("ok", core.clock().instant()));
    }

    @Override
    public CompletableFuture<KeyInfo> keyInfo(String requestId, boolean blocking) {
        Exchange<KeyInfo> exchange =
                new Exchange<>(
                        "KeyInfo",
                        "GET",
                        "/v2/key/info",
                        null,
                        true,
                        V2Envelope.reader(core.mapper(), errors, e -> keyInfo(e.data())),
                        errors);
        return core.send(exchange, requestId, blocking);
    }

    private static KeyInfo keyInfo(JsonNode data) throws IOException {
        Set<String> scopes = new TreeSet<>();
        for (JsonNode scope : data.path("scopes")) {
            scopes.add(scope.asText());
        }
        JsonNode perSecond = data.path("rateLimits").path("requestsPerSecond");
        JsonNode perDay = data.path("quota").path("recordsPerDay");
        return new KeyInfo(
                V2Json.reqText(data, "keyType"),
                scopes,
                perSecond.isNumber() ? perSecond.intValue() : null,
                perDay.isNumber() ? perDay.longValue() : null);
    }

    @Override
    public CompletableFuture<List<ChangeFile>> changeFiles(
            LocalDate day, String requestId, boolean blocking) {
        Map<String, Object> body = Map.of("file_date", day.toString());
        return send(
                "ChangeFiles",
                body,
                e -> ChangeFiles.links(day, e.data(), requestId),
                requestId,
                blocking);
    }

    @Override
    public Stream<ChangeRow> changeRows(ChangeFile file, String requestId) {
        return changeFiles.rows(file, requestId);
    }

    private <T> CompletableFuture<T> send(
            String operation,
            Object body,
            V2Envelope.Payload<T> payload,
            String requestId,
            boolean blocking) {
        Exchange<T> exchange =
                new Exchange<>(
                        operation,
                        "POST",
                        "/v2/" + operation,
                        body,
                        true,
                        V2Envelope.reader(core.mapper(), errors, payload),
                        errors);
        return core.send(exchange, requestId, blocking);
    }
}
