package dev.reapi.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.RealEstateApiException;
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
import dev.reapi.client.model.PropertyIds;
import dev.reapi.client.model.School;
import dev.reapi.client.model.Schools;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.model.UpdatedJsonPage;
import dev.reapi.client.model.UpdatedPage;
import dev.reapi.client.model.UpdatedRequest;
import dev.reapi.client.model.Valuation;
import dev.reapi.client.model.ValuationBatch;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Version 1 of the upstream API (docs/api/upstream-v1.yaml): REST paths, RFC 9457 problem errors,
 * cursor paging. It has no comparables, key info or change files; bulk valuation is one valuation
 * call per id. Thread-safe.
 */
public final class V1Protocol implements Protocol {

    private final ClientCore core;

    /** A protocol sending through {@code core}. */
    public V1Protocol(ClientCore core) {
        this.core = core;
    }

    @Override
    public String name() {
        return "v1";
    }

    @Override
    public CompletableFuture<SearchPage> search(
            SearchRequest request, String requestId, boolean blocking) {
        return core.post(
                "searchProperties",
                "/v1/properties/search",
                request,
                SearchPage.class,
                requestId,
                blocking);
    }

    @Override
    public CompletableFuture<Property> property(String id, String requestId, boolean blocking) {
        String path = "/v1/properties/" + PropertyIds.requireValid(id);
        return core.get("getProperty", path, Property.class, requestId, blocking);
    }

    @Override
    public CompletableFuture<BulkResult> properties(
            BulkRequest request, String requestId, boolean blocking) {
        return core.post(
                "getPropertiesBulk",
                "/v1/properties/bulk",
                request,
                BulkResult.class,
                requestId,
                blocking);
    }

    @Override
    public CompletableFuture<UpdatedPage> updated(
            UpdatedRequest request, String requestId, boolean blocking) {
        return core.get(
                "getUpdatedProperties",
                updatedPath(request),
                UpdatedPage.class,
                requestId,
                blocking);
    }

    @Override
    public CompletableFuture<UpdatedJsonPage> updatedWithJson(
            UpdatedRequest request, String requestId, boolean blocking) {
        ObjectMapper mapper = core.mapper();
        var exchange =
                new Exchange<UpdatedJsonPage>(
                        "getUpdatedProperties",
                        "GET",
                        updatedPath(request),
                        null,
                        true,
                        (operation, id, status, body) -> UpdatedJsonReader.read(mapper, body),
                        core.errors());
        return core.send(exchange, requestId, blocking);
    }

    private static String updatedPath(UpdatedRequest request) {
        StringBuilder path =
                new StringBuilder("/v1/properties/updated?since=")
                        .append(request.since().truncatedTo(ChronoUnit.SECONDS))
                        .append("&limit=")
                        .append(request.limit());
        if (request.cursor() != null) {
            path.append("&cursor=").append(encode(request.cursor()));
        }
        return path.toString();
    }

    @Override
    public CompletableFuture<Valuation> valuation(
            String propertyId, String requestId, boolean blocking) {
        String path = "/v1/properties/" + PropertyIds.requireValid(propertyId) + "/valuation";
        return core.get("getValuationById", path, Valuation.class, requestId, blocking);
    }

    @Override
    public CompletableFuture<Valuation> valuationByAddress(
            String address, String requestId, boolean blocking) {
        String path = "/v1/valuation?address=" + encode(address);
        return core.get("getValuationByAddress", path, Valuation.class, requestId, blocking);
    }

    /** One valuation call per id, all sharing the request id; each failure is one item's. */
    @Override
    public CompletableFuture<ValuationBatch> valuations(
            List<String> propertyIds, String requestId, boolean blocking) {
        List<CompletableFuture<Valuation>> calls = new ArrayList<>(propertyIds.size());
        for (String id : propertyIds) {
            calls.add(valuation(id, requestId, blocking));
        }
        return CompletableFuture.allOf(
                        calls.stream()
                                .map(c -> c.exceptionally(e -> null))
                                .toArray(CompletableFuture<?>[]::new))
                .thenApply(ignored -> collect(propertyIds, calls));
    }

    private static ValuationBatch collect(
            List<String> propertyIds, List<CompletableFuture<Valuation>> calls) {
        List<Valuation> found = new ArrayList<>();
        List<ValuationBatch.Failure> failures = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            CompletableFuture<Valuation> call = calls.get(i);
            try {
                found.add(call.join());
            } catch (RuntimeException e) {
                Throwable cause = ErrorMapper.unwrap(e);
                if (!(cause instanceof RealEstateApiException upstream)) {
                    throw e;
                }
                failures.add(new ValuationBatch.Failure(propertyIds.get(i), upstream.getMessage()));
            }
        }
        return new ValuationBatch(found, failures);
    }

    @Override
    public CompletableFuture<Comps> comps(String propertyId, String requestId, boolean blocking) {
        throw new UnsupportedOperationException(
                "the v1 API has no comparables; build the client with provider(Provider.V2)");
    }

    @Override
    public CompletableFuture<Demographics> demographics(
            Coordinates point, String requestId, boolean blocking) {
        String path = "/v1/demographics?lat=" + plain(point.lat()) + "&lng=" + plain(point.lng());
        return core.get("getDemographics", path, Demographics.class, requestId, blocking);
    }

    @Override
    public CompletableFuture<Demographics> demographics(
            Property property, String requestId, boolean blocking) {
        return demographics(property.coordinates(), requestId, blocking);
    }

    @Override
    public CompletableFuture<List<School>> schools(
            Coordinates point, double radiusMiles, String requestId, boolean blocking) {
        String path =
                "/v1/schools/nearby?lat="
                        + plain(point.lat())
                        + "&lng="
                        + plain(point.lng())
                        + "&radius_miles="
                        + plain(radiusMiles);
        return core.get("getNearbySchools", path, Schools.class, requestId, blocking)
                .thenApply(Schools::schools);
    }

    @Override
    public CompletableFuture<List<School>> schools(
            Property property, double radiusMiles, String requestId, boolean blocking) {
        return schools(property.coordinates(), radiusMiles, requestId, blocking);
    }

    @Override
    public CompletableFuture<Health> health(String requestId, boolean blocking) {
        return core.get("getHealth", "/v1/health", Health.class, requestId, blocking);
    }

    @Override
    public CompletableFuture<KeyInfo> keyInfo(String requestId, boolean blocking) {
        throw new UnsupportedOperationException(
                "the v1 API has no key info; build the client with provider(Provider.V2)");
    }

    @Override
    public CompletableFuture<List<ChangeFile>> changeFiles(
            LocalDate day, String requestId, boolean blocking) {
        throw new UnsupportedOperationException(
                "the v1 API has no change files; use getUpdated or updatedSince");
    }

    @Override
    public Stream<ChangeRow> changeRows(ChangeFile file, String requestId) {
        throw new UnsupportedOperationException(
                "the v1 API has no change files; use getUpdated or updatedSince");
    }

    /** A decimal without exponent: {@code 1.0E-4} would not parse as a query number. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
