package dev.reapi.client.internal;

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
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * How each operation looks on one version of the upstream API: the request it sends and how its
 * answer becomes the client's model. The transport (retries, breaker, limits, request ids, logs) is
 * the shared {@link ClientCore}. Every method takes the call's request id and whether to run on the
 * caller's thread; an operation the version lacks throws {@link UnsupportedOperationException}
 * naming what to use instead. Implementations are thread-safe.
 */
public interface Protocol {

    /** The version's short name, e.g. {@code v1}, as logged. */
    String name();

    /** One page of a search; the page's continuation token is protocol-specific. */
    CompletableFuture<SearchPage> search(SearchRequest request, String requestId, boolean blocking);

    /** One property by id. */
    CompletableFuture<Property> property(String id, String requestId, boolean blocking);

    /** Up to 1,000 properties by id; found ones in request order, unknown ids as missing. */
    CompletableFuture<BulkResult> properties(
            BulkRequest request, String requestId, boolean blocking);

    /** One page of the updated feed. */
    CompletableFuture<UpdatedPage> updated(
            UpdatedRequest request, String requestId, boolean blocking);

    /** One page of the updated feed with each property's JSON as sent. */
    CompletableFuture<UpdatedJsonPage> updatedWithJson(
            UpdatedRequest request, String requestId, boolean blocking);

    /** The valuation of one property. */
    CompletableFuture<Valuation> valuation(String propertyId, String requestId, boolean blocking);

    /** The valuation of the property at an address. */
    CompletableFuture<Valuation> valuationByAddress(
            String address, String requestId, boolean blocking);

    /** The valuations of up to 100 properties, failures per item. */
    CompletableFuture<ValuationBatch> valuations(
            List<String> propertyIds, String requestId, boolean blocking);

    /** Comparable properties of one property, nearest first. */
    CompletableFuture<Comps> comps(String propertyId, String requestId, boolean blocking);

    /** Area figures at a point. */
    CompletableFuture<Demographics> demographics(
            Coordinates point, String requestId, boolean blocking);

    /** Area figures of a property's area. */
    CompletableFuture<Demographics> demographics(
            Property property, String requestId, boolean blocking);

    /** Schools near a point, nearest first. */
    CompletableFuture<List<School>> schools(
            Coordinates point, double radiusMiles, String requestId, boolean blocking);

    /** Schools near a property, nearest first. */
    CompletableFuture<List<School>> schools(
            Property property, double radiusMiles, String requestId, boolean blocking);

    /** The upstream's liveness. */
    CompletableFuture<Health> health(String requestId, boolean blocking);

    /** What the API key may do. */
    CompletableFuture<KeyInfo> keyInfo(String requestId, boolean blocking);

    /** The change files of one day. */
    CompletableFuture<List<ChangeFile>> changeFiles(
            LocalDate day, String requestId, boolean blocking);

    /** The rows of one change file, read as the stream is consumed; closing it frees the body. */
    Stream<ChangeRow> changeRows(ChangeFile file, String requestId);
}
