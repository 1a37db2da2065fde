package dev.reapi.sandbox.data;

import java.util.OptionalLong;

/** Wire ids: {@code P} followed by exactly nine digits, 1..N. */
public final class PropertyIds {
    private PropertyIds() {}

    public static String format(long id) {
        char[] out = new char[10];
        out[0] = 'P';
        long rest = id;
        for (int i = 9; i >= 1; i--) {
            out[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return new String(out);
    }

    /** The numeric id of a well-formed wire id, or empty (no range check). */
    public static OptionalLong parse(String wire) {
        if (wire.length() != 10 || wire.charAt(0) != 'P') {
            return OptionalLong.empty();
        }
        long id = 0;
        for (int i = 1; i < 10; i++) {
            char c = wire.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            id = id * 10 + (c - '0');
        }
        return OptionalLong.of(id);
    }
}
