package dev.reapi.client.model;

/**
 * A point in WGS 84 degrees.
 *
 * @param lat latitude, -90..90
 * @param lng longitude, -180..180
 */
public record Coordinates(double lat, double lng) {

    /** Validates the ranges. */
    public Coordinates {
        Checks.between("lat", lat, -90, 90);
        Checks.between("lng", lng, -180, 180);
    }

    /** Shorthand for the canonical constructor. */
    public static Coordinates of(double lat, double lng) {
        return new Coordinates(lat, lng);
    }
}
