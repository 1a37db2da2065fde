package dev.reapi.client.model;

/** The upstream's property id rule: 1 to 64 characters of {@code [A-Za-z0-9_-]}. */
public final class PropertyIds {

    private PropertyIds() {}

    /**
     * Returns {@code id} when it is a valid property id.
     *
     * @throws IllegalArgumentException naming the id when it is not
     */
    public static String requireValid(String id) {
        return Checks.propertyId("id", id);
    }

    /** Whether {@code id} is a valid property id. */
    public static boolean isValid(String id) {
        return id.matches("[A-Za-z0-9_-]{1,64}");
    }
}
