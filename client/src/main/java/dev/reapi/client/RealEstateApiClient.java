package dev.reapi.client;

import dev.reapi.client.enrich.EnrichedProperty;
import dev.reapi.client.enrich.Enricher;
import dev.reapi.client.internal.ClientCore;
import dev.reapi.client.internal.Paging;
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
import dev.reapi.client.model.PropertyIds;
import dev.reapi.client.model.School;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.model.UpdatedJsonPage;
import dev.reapi.client.model.UpdatedPage;
import dev.reapi.client.model.UpdatedRequest;
import dev.reapi.client.model.Valuation;
import dev.reapi.client.model.ValuationBatch;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The upstream property-data API, typed, with retries, a retry budget, a circuit breaker, a
 * bulkhead and an optional client-side rate limiter in front of every call.
 *
 * <p>Every operation exists blocking and as a {@link CompletableFuture} ({@code ...Async}). A
 * blocking call throws, and an async call completes exceptionally with, a subtype of {@link
 * RealEstateApiException}. Each logical call carries one {@code X-Request-Id}, generated or
 * supplied through {@link #withRequestId(String)}, that stays the same across its retries.
 *
 * <pre>{@code
 * try (var client = RealEstateApiClient.fromEnvironment()) {
 *     SearchPage page = client.search(SearchRequest.zip("94105").withLimit(50));
 * }
 * }</pre>
 *
 * <p>Thread-safe: share one instance per API key. {@link #close()} releases the HTTP client's
 * threads; calls made after it fail.
 */
public final class RealEstateApiClient implements AutoCloseable {

    /** The environment variable holding the API key. */
    public static final String API_KEY_ENV = "REALESTATEAPI_KEY";

    /** The environment variable overriding the base URL. */
    public static final String BASE_URL_ENV = "REALESTATEAPI_BASE_URL";

    /** The base URL used when none is configured. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.realestateapi.com");

    /** The school search radius used when none is given, in miles. */
    public static final double DEFAULT_SCHOOL_RADIUS_MILES = 3.0;

    private final ClientCore core;
    private final Provider provider;
    private final Protocol protocol;
    private final @Nullable String requestId;
    private final boolean owner;

    RealEstateApiClient(
            ClientCore core,
            Provider provider,
            Protocol protocol,
            @Nullable String requestId,
            boolean owner) {
        this.core = core;
        this.provider = provider;
        this.protocol = protocol;
        this.requestId = requestId;
        this.owner = owner;
    }

    /** A builder with the documented defaults; an API key must be set before {@code build()}. */
    public static RealEstateApiClientBuilder builder() {
        return new RealEstateApiClientBuilder();
    }

    /**
     * A client configured from {@value #API_KEY_ENV} (required) and {@value #BASE_URL_ENV} (default
     * {@code https://api.realestateapi.com}), with every other setting at its default.
     *
     * @throws IllegalStateException naming {@value #API_KEY_ENV} when it is missing or blank
     */
    public static RealEstateApiClient fromEnvironment() {
        return builder().fromEnvironment(System.getenv()).build();
    }

    /**
     * A view of this client whose calls all send {@code requestId} as {@code X-Request-Id}, so that
     * a caller's own request id follows the call upstream. The view shares this client's
     * connections, breaker, budget and limits; closing the view does nothing.
     *
     * @param requestId 1..200 printable ASCII characters
     */
    public RealEstateApiClient withRequestId(String requestId) {
        return new RealEstateApiClient(
                core, provider, protocol, ClientCore.requireValidRequestId(requestId), false);
    }

    /** One page of properties matching {@code request}. */
    public SearchPage search(SearchRequest request) {
        return join(search(request, true));
    }

    /** One page of properties matching {@code request}. */
    public CompletableFuture<SearchPage> searchAsync(SearchRequest request) {
        return search(request, false);
    }

    private CompletableFuture<SearchPage> search(SearchRequest request, boolean blocking) {
        Objects.requireNonNull(request, "request");
        return protocol.search(request, id(), blocking);
    }

    /**
     * Every property matching {@code request}, fetched page by page as the stream is consumed
     * (following {@code next_cursor} on v1, the next result index on v2; the request's own cursor
     * is the starting point). A page that fails throws from the stream's terminal operation. Each
     * page is its own call with its own request id.
     */
    public Stream<Property> searchAll(SearchRequest request) {
        Objects.requireNonNull(request, "request");
        return Paging.stream(
                request.cursor(),
                cursor -> {
                    SearchPage page = search(request.withCursor(cursor));
                    return new Paging.Page<>(page.properties(), page.nextCursor());
                });
    }

    /**
     * One property by id.
     *
     * @throws NotFoundException when no property has this id
     */
    public Property getProperty(String id) {
        return join(getProperty(id, true));
    }

    /** One property by id; completes with {@link NotFoundException} when it does not exist. */
    public CompletableFuture<Property> getPropertyAsync(String id) {
        return getProperty(id, false);
    }

    private CompletableFuture<Property> getProperty(String id, boolean blocking) {
        return protocol.property(PropertyIds.requireValid(id), id(), blocking);
    }

    /** Up to 1,000 properties by id in one call; unknown ids are listed as missing. */
    public BulkResult getProperties(Collection<String> ids) {
        return join(getProperties(ids, true));
    }

    /** Up to 1,000 properties by id in one call; unknown ids are listed as missing. */
    public CompletableFuture<BulkResult> getPropertiesAsync(Collection<String> ids) {
        return getProperties(ids, false);
    }

    private CompletableFuture<BulkResult> getProperties(Collection<String> ids, boolean blocking) {
        return protocol.properties(BulkRequest.of(ids), id(), blocking);
    }

    /**
     * One page of properties changed since {@code request.since()}.
     *
     * @throws UnsupportedOperationException on v2, which has no updated feed: use {@link
     *     #changeFiles(LocalDate)}
     */
    public UpdatedPage getUpdated(UpdatedRequest request) {
        return join(getUpdated(request, true));
    }

    /** One page of properties changed since {@code request.since()}. */
    public CompletableFuture<UpdatedPage> getUpdatedAsync(UpdatedRequest request) {
        return getUpdated(request, false);
    }

    /**
     * One page of properties changed since {@code request.since()}, with each property's JSON as
     * the upstream sent it (unknown members and explicit nulls included), for a caller that stores
     * the records and would otherwise encode them again. Blocks like {@link
     * #getUpdated(UpdatedRequest)}. The answer must be UTF-8, as RFC 8259 requires; another
     * encoding fails as an unexpected response.
     *
     * @throws UnsupportedOperationException on v2, which has no updated feed
     */
    public UpdatedJsonPage getUpdatedWithJson(UpdatedRequest request) {
        Objects.requireNonNull(request, "request");
        return join(protocol.updatedWithJson(request, id(), true));
    }

    private CompletableFuture<UpdatedPage> getUpdated(UpdatedRequest request, boolean blocking) {
        Objects.requireNonNull(request, "request");
        return protocol.updated(request, id(), blocking);
    }

    /**
     * Every property changed since {@code since}, {@value UpdatedRequest#DEFAULT_LIMIT} per page,
     * fetched lazily as the stream is consumed.
     */
    public Stream<Property> updatedSince(Instant since) {
        return updatedSince(UpdatedRequest.since(since));
    }

    /** Every property changed since {@code request.since()}, fetched lazily page by page. */
    public Stream<Property> updatedSince(UpdatedRequest request) {
        Objects.requireNonNull(request, "request");
        return Paging.stream(
                request.cursor(),
                cursor -> {
                    UpdatedPage page = getUpdated(request.withCursor(cursor));
                    return new Paging.Page<>(page.properties(), page.nextCursor());
                });
    }

    /** The automated valuation of a property. */
    public Valuation getValuation(String propertyId) {
        return join(getValuation(propertyId, true));
    }

    /** The automated valuation of a property. */
    public CompletableFuture<Valuation> getValuationAsync(String propertyId) {
        return getValuation(propertyId, false);
    }

    private CompletableFuture<Valuation> getValuation(String propertyId, boolean blocking) {
        return protocol.valuation(PropertyIds.requireValid(propertyId), id(), blocking);
    }

    /** The automated valuation of the property at {@code address} (5..200 characters). */
    public Valuation getValuationByAddress(String address) {
        return join(getValuationByAddress(address, true));
    }

    /** The automated valuation of the property at {@code address} (5..200 characters). */
    public CompletableFuture<Valuation> getValuationByAddressAsync(String address) {
        return getValuationByAddress(address, false);
    }

    private CompletableFuture<Valuation> getValuationByAddress(String address, boolean blocking) {
        Objects.requireNonNull(address, "address");
        if (address.length() < 5 || address.length() > 200) {
            throw new IllegalArgumentException(
                    "address must be 5..200 characters, got " + address.length());
        }
        return protocol.valuationByAddress(address, id(), blocking);
    }

    /**
     * Area figures for the ZIP code nearest to {@code point}.
     *
     * @throws UnsupportedOperationException on v2, which has no lookup by point: use {@link
     *     #getDemographics(Property)}
     */
    public Demographics getDemographics(Coordinates point) {
        return join(getDemographics(point, true));
    }

    /** Area figures for the ZIP code nearest to {@code point}. */
    public CompletableFuture<Demographics> getDemographicsAsync(Coordinates point) {
        return getDemographics(point, false);
    }

    private CompletableFuture<Demographics> getDemographics(Coordinates point, boolean blocking) {
        Objects.requireNonNull(point, "point");
        return protocol.demographics(point, id(), blocking);
    }

    /**
     * Schools within 3 miles of {@code point}, nearest first.
     *
     * @throws UnsupportedOperationException on v2, which has no lookup by point: use {@link
     *     #getNearbySchools(Property)}
     */
    public List<School> getNearbySchools(Coordinates point) {
        return join(getNearbySchools(point, DEFAULT_SCHOOL_RADIUS_MILES, true));
    }

    /** Schools within {@code radiusMiles} (0 exclusive..25) of {@code point}, nearest first. */
    public List<School> getNearbySchools(Coordinates point, double radiusMiles) {
        return join(getNearbySchools(point, radiusMiles, true));
    }

    /** Schools within {@code radiusMiles} (0 exclusive..25) of {@code point}, nearest first. */
    public CompletableFuture<List<School>> getNearbySchoolsAsync(
            Coordinates point, double radiusMiles) {
        return getNearbySchools(point, radiusMiles, false);
    }

    private CompletableFuture<List<School>> getNearbySchools(
            Coordinates point, double radiusMiles, boolean blocking) {
        Objects.requireNonNull(point, "point");
        requireRadius(radiusMiles);
        return protocol.schools(point, radiusMiles, id(), blocking);
    }

    /**
     * The valuations of up to {@value ValuationBatch#MAX_IDS} properties; a property that cannot be
     * valued is a failure in the result, not an exception. One call on v2; one valuation call per
     * id on v1, which has no bulk valuation.
     *
     * @throws IllegalArgumentException when {@code propertyIds} has no or more than 100 ids, or an
     *     invalid one
     */
    public ValuationBatch getValuations(Collection<String> propertyIds) {
        return join(getValuations(propertyIds, true));
    }

    /** The async form of {@link #getValuations(Collection)}. */
    public CompletableFuture<ValuationBatch> getValuationsAsync(Collection<String> propertyIds) {
        return getValuations(propertyIds, false);
    }

    private CompletableFuture<ValuationBatch> getValuations(
            Collection<String> propertyIds, boolean blocking) {
        List<String> ids = List.copyOf(propertyIds);
        if (ids.isEmpty() || ids.size() > ValuationBatch.MAX_IDS) {
            throw new IllegalArgumentException(
                    "propertyIds must hold 1.."
                            + ValuationBatch.MAX_IDS
                            + " ids, got "
                            + ids.size());
        }
        ids.forEach(PropertyIds::requireValid);
        return protocol.valuations(ids, id(), blocking);
    }

    /**
     * Comparable properties of {@code propertyId}, nearest first (v2 only).
     *
     * @throws NotFoundException when the property does not exist
     * @throws UnsupportedOperationException on v1, which has no comparables
     */
    public Comps comps(String propertyId) {
        return join(protocol.comps(PropertyIds.requireValid(propertyId), id(), true));
    }

    /** The async form of {@link #comps(String)}. */
    public CompletableFuture<Comps> compsAsync(String propertyId) {
        return protocol.comps(PropertyIds.requireValid(propertyId), id(), false);
    }

    /**
     * Area figures for {@code property}'s area, on either provider: v1 asks at its coordinates, v2
     * reads them from its detail (one billed detail call).
     */
    public Demographics getDemographics(Property property) {
        return join(getDemographics(property, true));
    }

    /** The async form of {@link #getDemographics(Property)}. */
    public CompletableFuture<Demographics> getDemographicsAsync(Property property) {
        return getDemographics(property, false);
    }

    private CompletableFuture<Demographics> getDemographics(Property property, boolean blocking) {
        Objects.requireNonNull(property, "property");
        return protocol.demographics(property, id(), blocking);
    }

    /**
     * Schools within 3 miles of {@code property}, nearest first, on either provider: v1 asks at its
     * coordinates, v2 reads them from its detail (one billed detail call).
     */
    public List<School> getNearbySchools(Property property) {
        return join(getNearbySchools(property, DEFAULT_SCHOOL_RADIUS_MILES, true));
    }

    /**
     * Schools within {@code radiusMiles} of {@code property}, nearest first; (0, 25] on v1, (0, 3]
     * on v2, whose detail lists schools within 3 miles.
     */
    public CompletableFuture<List<School>> getNearbySchoolsAsync(
            Property property, double radiusMiles) {
        return getNearbySchools(property, radiusMiles, false);
    }

    private CompletableFuture<List<School>> getNearbySchools(
            Property property, double radiusMiles, boolean blocking) {
        Objects.requireNonNull(property, "property");
        requireRadius(radiusMiles);
        return protocol.schools(property, radiusMiles, id(), blocking);
    }

    /**
     * What the API key may do: key type, scopes and limits (v2 only). Check the scopes at start-up
     * with {@link KeyInfo#scopeReport}.
     *
     * @throws UnsupportedOperationException on v1, which has no key info
     */
    public KeyInfo keyInfo() {
        return join(protocol.keyInfo(id(), true));
    }

    /** The async form of {@link #keyInfo()}. */
    public CompletableFuture<KeyInfo> keyInfoAsync() {
        return protocol.keyInfo(id(), false);
    }

    /**
     * The change files of {@code day} (UTC), new then modified then deleted (v2 only). Their links
     * expire after about an hour; ask again for fresh ones.
     *
     * @throws NotFoundException when the upstream has no files for the day (yet; usually a day's
     *     files appear the next day)
     * @throws UnsupportedOperationException on v1: use {@link #updatedSince(Instant)}
     */
    public List<ChangeFile> changeFiles(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return join(protocol.changeFiles(day, id(), true));
    }

    /** The async form of {@link #changeFiles(LocalDate)}. */
    public CompletableFuture<List<ChangeFile>> changeFilesAsync(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return protocol.changeFiles(day, id(), false);
    }

    /**
     * The rows of one change file, parsed as the stream is consumed: memory stays flat whatever the
     * file's size. The download starts on the caller's thread before this returns, in one attempt
     * (a half-read body cannot be retried) and outside the circuit breaker. Close the stream
     * (try-with-resources) to release the connection if you stop early. A broken download throws
     * {@link UpstreamUnavailableException} from the stream.
     *
     * @throws ChangeFileExpiredException when the link has expired: ask {@link
     *     #changeFiles(LocalDate)} for fresh links
     * @throws UnsupportedOperationException on v1
     */
    public Stream<ChangeRow> streamChangeFile(ChangeFile file) {
        Objects.requireNonNull(file, "file");
        return protocol.changeRows(file, id());
    }

    /**
     * The upstream's liveness. On v1 the unauthenticated, unbilled health endpoint; on v2, which
     * has none, a key info call (authenticated, not billed), so a bad key also fails the probe.
     */
    public Health health() {
        return join(health(true));
    }

    /** The async form of {@link #health()}. */
    public CompletableFuture<Health> healthAsync() {
        return health(false);
    }

    private CompletableFuture<Health> health(boolean blocking) {
        return protocol.health(id(), blocking);
    }

    /**
     * Valuation, demographics and schools for each property, fetched in parallel (at most 8 lookups
     * at a time), sharing identical area lookups. A failed part is marked in its result; it does
     * not fail the others. See {@link Enricher} for other settings.
     */
    public List<EnrichedProperty> enrich(List<Property> properties) {
        return join(enrichAsync(properties));
    }

    /** The async form of {@link #enrich(List)}; never completes exceptionally for a part. */
    public CompletableFuture<List<EnrichedProperty>> enrichAsync(List<Property> properties) {
        return Enricher.of(this).enrichAsync(properties);
    }

    /** The state of the circuit breaker in front of the upstream. */
    public CircuitState circuitState() {
        return core.circuitState();
    }

    /** The API generation this client speaks. */
    public Provider provider() {
        return provider;
    }

    /** The base URL calls go to. */
    public URI baseUrl() {
        return core.baseUrl();
    }

    /** Releases the HTTP client; a view made by {@link #withRequestId} closes nothing. */
    @Override
    public void close() {
        if (owner) {
            core.close();
        }
    }

    @Override
    public String toString() {
        return "RealEstateApiClient[" + provider + " " + core.baseUrl() + "]";
    }

    private static void requireRadius(double radiusMiles) {
        if (!(radiusMiles > 0 && radiusMiles <= 25)) {
            throw new IllegalArgumentException(
                    "radiusMiles must be in (0, 25], got " + radiusMiles);
        }
    }

    private String id() {
        return requestId != null ? requestId : core.newRequestId();
    }

    private static <T> T join(CompletableFuture<T> future) {
        return ClientCore.join(future);
    }
}
