package dev.reapi.client.model;

import java.util.List;

/**
 * The schools near a point, nearest first (possibly none).
 *
 * @param schools the schools
 */
public record Schools(List<School> schools) {

    /** Copies the list. */
    public Schools {
        schools = List.copyOf(Checks.notNull("schools", schools));
    }
}
