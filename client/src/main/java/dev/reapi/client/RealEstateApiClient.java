package dev.reapi.client;

import dev.reapi.client.enrich.EnrichedProperty;
import dev.reapi.client.enrich.Enricher;
import dev.reapi.client.internal.ClientCore;
import dev.reapi.client.internal.Paging;
import dev.reapi.client.model.BulkRequest;
import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.Coordinates;
import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.Health;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.PropertyIds;
import dev.reapi.client.model.School;
import dev.reapi.client.model.Schools;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.model.UpdatedPage;
import dev.reapi.client.model.UpdatedRequest;
import dev.reapi.client.model.Valuation;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    private final @Nullable String requestId;
    private final boolean owner;

    RealEstateApiClient(ClientCore core, @Nullable String requestId, boolean owner) {
        this.core = core;
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
        return new RealEstateApiClient(core, ClientCore.requireValidRequestId(requestId), false);
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
        return core.post(
                "searchProperties",
                "/v1/properties/search",
                request,
                SearchPage.class,
                id(),
                blocking);
    }

    /**
     * Every property matching {@code request}, fetched page by page as the stream is consumed
     * (following {@code next_cursor}; the request's own cursor is the starting point). A page that
     * fails throws from the stream's terminal operation. Each page is its own call with its own
     * request id.
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
        String path = "/v1/properties/" + PropertyIds.requireValid(id);
        return core.get("getProperty", path, Property.class, id(), blocking);
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
        BulkRequest request = BulkRequest.of(ids);
        return core.post(
                "getPropertiesBulk",
                "/v1/properties/bulk",
                request,
                BulkResult.class,
                id(),
                blocking);
    }

    /** One page of properties changed since {@code request.since()}. */
    public UpdatedPage getUpdated(UpdatedRequest request) {
        return join(getUpdated(request, true));
    }

    /** One page of properties changed since {@code request.since()}. */
    public CompletableFuture<UpdatedPage> getUpdatedAsync(UpdatedRequest request) {
        return getUpdated(request, false);
    }

    private CompletableFuture<UpdatedPage> getUpdated(UpdatedRequest request, boolean blocking) {
        Objects.requireNonNull(request, "request");
        StringBuilder path =
                new StringBuilder("/v1/properties/updated?since=")
                        .append(request.since().truncatedTo(ChronoUnit.SECONDS))
                        .append("&limit=")
                        .append(request.limit());
        if (request.cursor() != null) {
            path.append("&cursor=").append(encode(request.cursor()));
        }
        return core.get("getUpdatedProperties", path.toString(), UpdatedPage.class, id(), blocking);
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
        String path = "/v1/properties/" + PropertyIds.requireValid(propertyId) + "/valuation";
        return core.get("getValuationById", path, Valuation.class, id(), blocking);
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
        String path = "/v1/valuation?address=" + encode(address);
        return core.get("getValuationByAddress", path, Valuation.class, id(), blocking);
    }

    /** Area figures for the ZIP code nearest to {@code point}. */
    public Demographics getDemographics(Coordinates point) {
        return join(getDemographics(point, true));
    }

    /** Area figures for the ZIP code nearest to {@code point}. */
    public CompletableFuture<Demographics> getDemographicsAsync(Coordinates point) {
        return getDemographics(point, false);
    }

    private CompletableFuture<Demographics> getDemographics(Coordinates point, boolean blocking) {
        String path = "/v1/demographics?lat=" + plain(point.lat()) + "&lng=" + plain(point.lng());
        return core.get("getDemographics", path, Demographics.class, id(), blocking);
    }

    /** Schools within 3 miles of {@code point}, nearest first. */
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
        if (!(radiusMiles > 0 && radiusMiles <= 25)) {
            throw new IllegalArgumentException(
                    "radiusMiles must be in (0, 25], got " + radiusMiles);
        }
        String path =
                "/v1/schools/nearby?lat="
                        + plain(point.lat())
                        + "&lng="
                        + plain(point.lng())
                        + "&radius_miles="
                        + plain(radiusMiles);
        return core.get("getNearbySchools", path, Schools.class, id(), blocking)
                .thenApply(Schools::schools);
    }

    /** The upstream's liveness; needs no key and is not billed. */
    public Health health() {
        return join(health(true));
    }

    /** The upstream's liveness; needs no key and is not billed. */
    public CompletableFuture<Health> healthAsync() {
        return health(false);
    }

    private CompletableFuture<Health> health(boolean blocking) {
        return core.get("getHealth", "/v1/health", Health.class, id(), blocking);
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
        return "RealEstateApiClient[" + core.baseUrl() + "]";
    }

    private String id() {
        return requestId != null ? requestId : core.newRequestId();
    }

    /** A decimal without exponent: {@code 1.0E-4} would not parse as a query number. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static <T> T join(CompletableFuture<T> future) {
        return ClientCore.join(future);
    }
}
