package dev.reapi.client.model;

/** The upstream's property id rule: 1 to 64 characters of {@code [A-Za-z0-9_-]}. */
public final class PropertyIds {

    private static final int MAX_LENGTH = 64;

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
        // A loop, not a regular expression: the gateway checks the id of every request.
        int length = id.length();
        if (length < 1 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            boolean allowed =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || c == '_'
                            || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
