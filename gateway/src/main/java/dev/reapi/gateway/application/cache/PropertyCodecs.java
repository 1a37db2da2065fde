package dev.reapi.gateway.application.cache;

import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.Schools;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.model.Valuation;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How property data is stored in the cache and the replica, and how a search request becomes a JSON
 * tree for its canonical cache key. The composition root supplies JSON implementations.
 *
 * @param property details
 * @param searchPage one search page
 * @param valuation a valuation
 * @param demographics area figures
 * @param schools nearby schools
 * @param searchTree a search request as maps, lists and scalars, as it is sent upstream
 */
public record PropertyCodecs(
        ValueCodec<Property> property,
        ValueCodec<SearchPage> searchPage,
        ValueCodec<Valuation> valuation,
        ValueCodec<Demographics> demographics,
        ValueCodec<Schools> schools,
        Function<SearchRequest, Map<String, ?>> searchTree) {

    public PropertyCodecs {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(searchPage, "searchPage");
        Objects.requireNonNull(valuation, "valuation");
        Objects.requireNonNull(demographics, "demographics");
        Objects.requireNonNull(schools, "schools");
        Objects.requireNonNull(searchTree, "searchTree");
    }
}
