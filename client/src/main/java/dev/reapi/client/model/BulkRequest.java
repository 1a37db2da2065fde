package dev.reapi.client.model;

import java.util.Collection;
import java.util.List;

/**
 * Up to {@value #MAX_IDS} property ids to fetch in one call.
 *
 * @param ids 1..1000 valid property ids; duplicates are answered once by the server
 */
public record BulkRequest(List<String> ids) {

    /** The most ids one bulk call accepts. */
    public static final int MAX_IDS = 1000;

    /** Validates the count and every id. */
    public BulkRequest {
        ids = List.copyOf(Checks.notNull("ids", ids));
        Checks.between("ids size", ids.size(), 1, MAX_IDS);
        for (int i = 0; i < ids.size(); i++) {
            Checks.propertyId("ids[" + i + "]", ids.get(i));
        }
    }

    /** A request for {@code ids}, in iteration order. */
    public static BulkRequest of(Collection<String> ids) {
        return new BulkRequest(List.copyOf(ids));
    }
}
