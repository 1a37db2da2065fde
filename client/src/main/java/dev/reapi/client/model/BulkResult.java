package dev.reapi.client.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a bulk lookup.
 *
 * @param properties the found properties, in the order of the requested ids
 * @param missing the requested ids that do not exist
 */
public record BulkResult(List<Property> properties, List<String> missing) {

    /** Copies both lists. */
    public BulkResult {
        properties = List.copyOf(Checks.notNull("properties", properties));
        missing = List.copyOf(Checks.notNull("missing", missing));
    }

    /** The found properties keyed by id, in answer order. */
    public Map<String, Property> byId() {
        Map<String, Property> byId = new LinkedHashMap<>();
        for (Property property : properties) {
            byId.put(property.id(), property);
        }
        return byId;
    }

    /** The property with {@code id}, if it was found. */
    public Optional<Property> find(String id) {
        return properties.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
