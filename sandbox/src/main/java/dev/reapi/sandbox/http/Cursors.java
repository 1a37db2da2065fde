package dev.reapi.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Opaque cursors: base64url of a small versioned text the sandbox alone interprets. */
final class Cursors {
    private Cursors() {}

    static String encode(String plain) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor with this prefix and part count, or empty when malformed. */
    static Optional<String[]> decode(String cursor, String prefix, int parts) {
        try {
            String plain =
                    new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] split = plain.split(":", -1);
            if (split.length != parts || !split[0].equals(prefix)) {
                return Optional.empty();
            }
            return Optional.of(split);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
