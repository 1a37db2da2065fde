package dev.reapi.gateway.application;

import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.Schools;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.model.Valuation;
import dev.reapi.gateway.application.port.in.Answer;
import dev.reapi.gateway.application.port.in.PropertyQueries;
import dev.reapi.gateway.application.port.out.PropertySource;
import dev.reapi.gateway.domain.property.EnrichedProperty;
import dev.reapi.gateway.domain.property.Provenance;
import java.util.Objects;

/**
 * Answers property queries straight from the upstream. Every answer is {@code fresh}; the cache and
 * fallback layers wrap this path and add the other provenances. Thread-safe and stateless.
 */
public final class PropertyQueryService implements PropertyQueries {

    private final PropertySource source;

    /** A service reading from {@code source}. */
    public PropertyQueryService(PropertySource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public Answer<SearchPage> search(SearchRequest request, String requestId) {
        return new Answer<>(source.search(request, requestId), Provenance.fresh(1));
    }

    @Override
    public Answer<Property> property(String id, String requestId) {
        return new Answer<>(source.property(id, requestId), Provenance.fresh(1));
    }

    @Override
    public Answer<Valuation> valuation(String id, String requestId) {
        return new Answer<>(source.valuation(id, requestId), Provenance.fresh(1));
    }

    @Override
    public Answer<Valuation> valuationByAddress(String address, String requestId) {
        return new Answer<>(source.valuationByAddress(address, requestId), Provenance.fresh(1));
    }

    @Override
    public Answer<Demographics> demographics(String id, String requestId) {
        Property property = source.property(id, requestId);
        Demographics area = source.demographics(property, requestId);
        return new Answer<>(area, Provenance.fresh(2));
    }

    @Override
    public Answer<Schools> schools(String id, String requestId) {
        Property property = source.property(id, requestId);
        Schools schools = source.schools(property, requestId);
        return new Answer<>(schools, Provenance.fresh(2));
    }

    @Override
    public Answer<EnrichedProperty> enriched(String id, String requestId) {
        Property property = source.property(id, requestId);
        EnrichedProperty enriched = source.enrich(property, requestId);
        Provenance provenance = Provenance.fresh(4);
        return new Answer<>(enriched, enriched.partial() ? provenance.asPartial() : provenance);
    }
}
