package dev.reapi.gateway.adapter.in.http;

import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Accepts a caller's request id when it is safe to echo and log, or makes a new one.
 *
 * <p>Thread-safe when the random generator is (e.g. a {@code SplittableRandom} split per thread is
 * not; the gateway passes a {@link java.security.SecureRandom} or a seeded, synchronized source).
 */
final class RequestIds {

    /** The header carrying the id, both ways. */
    static final String HEADER = "X-Request-Id";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private final RandomGenerator random;

    RequestIds(RandomGenerator random) {
        this.random = random;
    }

    /** The presented id when it is 1-64 of {@code [A-Za-z0-9._-]}, else a new one. */
    String acceptOrGenerate(Optional<String> presented) {
        return presented.filter(id -> VALID.matcher(id).matches()).orElseGet(this::generate);
    }

    /** A new id: {@code req_} and 20 base-36 characters. */
    String generate() {
        var id = new StringBuilder("req_");
        synchronized (random) {
            for (int i = 0; i < 20; i++) {
                id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
        }
        return id.toString();
    }
}
