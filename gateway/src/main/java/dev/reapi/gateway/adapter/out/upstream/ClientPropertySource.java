package dev.reapi.gateway.adapter.out.upstream;

import dev.reapi.client.BadRequestException;
import dev.reapi.client.MissingScopeException;
import dev.reapi.client.NotFoundException;
import dev.reapi.client.QuotaExhaustedException;
import dev.reapi.client.RateLimitedException;
import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.RealEstateApiException;
import dev.reapi.client.UnauthorizedException;
import dev.reapi.client.enrich.PartResult;
import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.School;
import dev.reapi.client.model.Schools;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.model.Valuation;
import dev.reapi.gateway.application.port.out.PropertySource;
import dev.reapi.gateway.application.port.out.UpstreamFailure;
import dev.reapi.gateway.domain.property.EnrichedProperty;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PropertySource} over reapi's client SDK, which brings retries, the retry budget, the
 * circuit breaker and upstream metrics. Each call runs under the gateway's request id so the
 * upstream sees the same id. Client failures become {@link UpstreamFailure}s. Thread-safe.
 */
public final class ClientPropertySource implements PropertySource {

    private static final Logger LOG = LoggerFactory.getLogger(ClientPropertySource.class);

    private final RealEstateApiClient client;
    private final Clock clock;

    /**
     * A source over {@code client}; {@code clock} turns quota reset instants into waits.
     *
     * @param client the configured client; closed by its owner, not here
     */
    public ClientPropertySource(RealEstateApiClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SearchPage search(SearchRequest request, String requestId) {
        return call(requestId, c -> c.search(request));
    }

    @Override
    public Property property(String id, String requestId) {
        return call(requestId, c -> c.getProperty(id));
    }

    @Override
    public BulkResult bulk(List<String> ids, String requestId) {
        return call(requestId, c -> c.getProperties(ids));
    }

    @Override
    public Valuation valuation(String propertyId, String requestId) {
        return call(requestId, c -> c.getValuation(propertyId));
    }

    @Override
    public Valuation valuationByAddress(String address, String requestId) {
        return call(requestId, c -> c.getValuationByAddress(address));
    }

    @Override
    public Demographics demographics(Property property, String requestId) {
        return call(requestId, c -> c.getDemographics(property));
    }

    @Override
    public Schools schools(Property property, String requestId) {
        return new Schools(call(requestId, c -> c.getNearbySchools(property)));
    }

    @Override
    public EnrichedProperty enrich(Property property, String requestId) {
        var enriched = call(requestId, c -> c.enrich(List.of(property))).getFirst();
        List<String> missing = new ArrayList<>();
        Optional<Valuation> valuation = part("valuation", enriched.valuation(), missing, requestId);
        Optional<Demographics> area =
                part("demographics", enriched.demographics(), missing, requestId);
        Optional<List<School>> schools = part("schools", enriched.schools(), missing, requestId);
        return new EnrichedProperty(property, valuation, area, schools.map(Schools::new), missing);
    }

    private static <T> Optional<T> part(
            String name, PartResult<T> result, List<String> missing, String requestId) {
        if (result instanceof PartResult.Failed<T> failed) {
            LOG.warn("Request {}: enrichment part {} failed: {}", requestId, name, failed.reason());
            missing.add(name);
        }
        return result.value();
    }

    private <T> T call(String requestId, Function<RealEstateApiClient, T> operation) {
        try {
            return operation.apply(client.withRequestId(requestId));
        } catch (RealEstateApiException e) {
            throw translate(e);
        } catch (IllegalArgumentException e) {
            // The gateway validated the request for both APIs; what is left is what only v2 lacks.
            throw new UpstreamFailure(
                    UpstreamFailure.Kind.UNSUPPORTED,
                    "the upstream's "
                            + client.provider().name().toLowerCase(Locale.ROOT)
                            + " API cannot answer this request: "
                            + e.getMessage(),
                    Optional.empty(),
                    e);
        }
    }

    /** The gateway's failure for a client failure; shared with the batching decorator. */
    UpstreamFailure translate(RealEstateApiException e) {
        return switch (e) {
            case NotFoundException notFound ->
                    new UpstreamFailure(
                            UpstreamFailure.Kind.NOT_FOUND,
                            "the upstream has no such record (" + notFound.operation() + ")",
                            Optional.empty(),
                            e);
            case QuotaExhaustedException quota ->
                    new UpstreamFailure(
                            UpstreamFailure.Kind.QUOTA,
                            e.getMessage(),
                            Optional.of(until(quota)),
                            e);
            case RateLimitedException limited ->
                    new UpstreamFailure(
                            UpstreamFailure.Kind.UNAVAILABLE,
                            e.getMessage(),
                            Optional.of(limited.retryAfter()),
                            e);
            case MissingScopeException missing -> {
                LOG.warn(
                        "The gateway's upstream key lacks scope {} (operation {}, request {})",
                        missing.scope(),
                        missing.operation(),
                        missing.requestId());
                yield new UpstreamFailure(
                        UpstreamFailure.Kind.MISSING_SCOPE,
                        "the gateway's upstream API key lacks the "
                                + missing.scope()
                                + " scope this request needs; the gateway's operator must have"
                                + " it granted",
                        Optional.empty(),
                        e);
            }
            case BadRequestException bad ->
                    new UpstreamFailure(
                            UpstreamFailure.Kind.REJECTED, e.getMessage(), Optional.empty(), bad);
            case UnauthorizedException unauthorized -> {
                LOG.warn(
                        "The upstream rejected the gateway's API key (request {}); check"
                                + " REALESTATEAPI_KEY",
                        unauthorized.requestId());
                yield new UpstreamFailure(
                        UpstreamFailure.Kind.UNAVAILABLE, e.getMessage(), Optional.empty(), e);
            }
            default ->
                    new UpstreamFailure(
                            UpstreamFailure.Kind.UNAVAILABLE, e.getMessage(), Optional.empty(), e);
        };
    }

    private Duration until(QuotaExhaustedException quota) {
        Duration wait = Duration.between(clock.instant(), quota.resetsAt());
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
