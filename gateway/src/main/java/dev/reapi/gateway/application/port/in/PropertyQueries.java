package dev.reapi.gateway.application.port.in;

import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.Schools;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.model.Valuation;
import dev.reapi.gateway.domain.property.EnrichedProperty;
import java.util.OptionalLong;

/**
 * The read path for property data. Inputs are already validated by the caller; failures of the
 * upstream surface as {@link dev.reapi.gateway.application.port.out.UpstreamFailure}.
 * Implementations are thread-safe.
 */
public interface PropertyQueries {

    /**
     * These queries on behalf of {@code userId}: its usage is accounted to it and held to its
     * plan's daily record cap. Implementations that account nothing return themselves.
     */
    default PropertyQueries forUser(String userId, OptionalLong dailyRecordCap) {
        return this;
    }

    /** One page of search results. */
    Answer<SearchPage> search(SearchRequest request, String requestId);

    /** One property by id. */
    Answer<Property> property(String id, String requestId);

    /** The valuation of a property by id. */
    Answer<Valuation> valuation(String id, String requestId);

    /** The valuation of the property at an address. */
    Answer<Valuation> valuationByAddress(String address, String requestId);

    /** The demographics of the area at a property's coordinates. */
    Answer<Demographics> demographics(String id, String requestId);

    /** The schools near a property's coordinates. */
    Answer<Schools> schools(String id, String requestId);

    /** A property with valuation, demographics and schools; partial when some part failed. */
    Answer<EnrichedProperty> enriched(String id, String requestId);
}
