package dev.reapi.client.internal.v2;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Property ids between the client's form and v2's numbers. The client shows a v2 id as {@code P}
 * and at least nine digits ({@code 42} is {@code P000000042}), the form v1 uses, so that caches and
 * ledgers keyed by id work the same on both versions; v2 calls accept either form.
 */
final class V2Ids {

    private static final Pattern ID = Pattern.compile("[Pp]?0*([0-9]{1,18})");

    private V2Ids() {}

    /** The client's form of a v2 id. */
    static String toClient(long wireId) {
        return String.format(Locale.ROOT, "P%09d", wireId);
    }

    /** Whether {@code id} names a v2 property in either form. */
    static boolean isWireId(String id) {
        return ID.matcher(id).matches();
    }

    /**
     * The v2 number of a client id.
     *
     * @throws IllegalArgumentException naming the field and the value when it is not numeric
     */
    static long toWire(String field, String id) {
        Matcher matcher = ID.matcher(id);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    field
                            + " must be a v2 property id (digits, optionally after P, e.g."
                            + " P000000042 or 42), got '"
                            + id
                            + "'");
        }
        return Long.parseLong(matcher.group(1));
    }
}
