package dev.reapi.gateway.application.port.out;

import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.Schools;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.model.Valuation;
import dev.reapi.gateway.domain.property.EnrichedProperty;
import java.util.List;

/**
 * The upstream property-data API as the use cases need it. Every call carries the gateway's request
 * id so that upstream logs can be matched with ours. Implementations are thread-safe and throw
 * {@link UpstreamFailure} for every failure.
 */
public interface PropertySource {

    /** One page of properties matching {@code request}. */
    SearchPage search(SearchRequest request, String requestId);

    /** One property; {@link UpstreamFailure.Kind#NOT_FOUND} when there is none. */
    Property property(String id, String requestId);

    /** Up to 1,000 properties by id, with the ids that do not exist. */
    BulkResult bulk(List<String> ids, String requestId);

    /** The valuation of the property {@code propertyId}. */
    Valuation valuation(String propertyId, String requestId);

    /** The valuation of the property at {@code address} ({@code 1234 Oak St, City, ST 12345}). */
    Valuation valuationByAddress(String address, String requestId);

    /**
     * The figures of {@code property}'s area. On v1 the upstream is asked at its coordinates, on v2
     * they come from its detail; either way one billed call.
     */
    Demographics demographics(Property property, String requestId);

    /**
     * Schools within 3 miles of {@code property}, nearest first. On v1 the upstream is asked at its
     * coordinates, on v2 they come from its detail; either way one billed call.
     */
    Schools schools(Property property, String requestId);

    /**
     * The valuation, demographics and schools of {@code property}, fetched in parallel; a part that
     * fails is reported missing rather than failing the whole answer.
     */
    EnrichedProperty enrich(Property property, String requestId);
}
