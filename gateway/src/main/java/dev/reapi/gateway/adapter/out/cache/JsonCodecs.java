package dev.reapi.gateway.adapter.out.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.ModelJson;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.Schools;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.Valuation;
import dev.reapi.gateway.application.cache.PropertyCodecs;
import dev.reapi.gateway.application.cache.ValueCodec;
import java.util.Map;

/**
 * JSON codecs for the cache and the replica, in the upstream's wire format (the client's model
 * mapping), so that a stored answer reads exactly like the upstream's. Stateless and thread-safe.
 */
public final class JsonCodecs {

    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};

    private JsonCodecs() {}

    /** Codecs for every kind of property data, and the JSON tree of a search request. */
    public static PropertyCodecs propertyCodecs() {
        ObjectMapper mapper = ModelJson.newMapper();
        return new PropertyCodecs(
                of(mapper, Property.class),
                of(mapper, SearchPage.class),
                of(mapper, Valuation.class),
                of(mapper, Demographics.class),
                of(mapper, Schools.class),
                request -> mapper.convertValue(request, TREE));
    }

    /** A codec of {@code type} over {@code mapper}. */
    public static <V> ValueCodec<V> of(ObjectMapper mapper, Class<V> type) {
        return new ValueCodec<>() {
            @Override
            public String encode(V value) {
                try {
                    return mapper.writeValueAsString(value);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(
                            "cannot write " + type.getSimpleName() + " as JSON", e);
                }
            }

            @Override
            public V decode(String json) {
                try {
                    return mapper.readValue(json, type);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(
                            "cannot read a cached " + type.getSimpleName() + " from JSON", e);
                }
            }
        };
    }
}
