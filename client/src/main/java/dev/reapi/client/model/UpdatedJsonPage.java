package dev.reapi.client.model;

import java.util.List;

/**
 * A page of the updated feed together with each property's JSON exactly as the upstream sent it,
 * for a caller that stores the upstream's records and would otherwise encode each one again.
 *
 * @param page the decoded page
 * @param propertyJson each property's JSON object as received, in the order of {@code
 *     page.properties()}
 */
public record UpdatedJsonPage(UpdatedPage page, List<String> propertyJson) {

    /** Copies the list and requires one JSON text per property. */
    public UpdatedJsonPage {
        Checks.notNull("page", page);
        propertyJson = List.copyOf(Checks.notNull("property_json", propertyJson));
        if (propertyJson.size() != page.properties().size()) {
            throw new IllegalArgumentException(
                    "property_json must hold one text per property: "
                            + propertyJson.size()
                            + " for "
                            + page.properties().size());
        }
    }
}
