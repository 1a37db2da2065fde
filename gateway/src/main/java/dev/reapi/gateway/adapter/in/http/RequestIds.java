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

    private static final int DIGITS_PER_DRAW = 10;

    private final RandomGenerator random;

    RequestIds(RandomGenerator random) {
        this.random = random;
    }

    /** The presented id when it is 1-64 of {@code [A-Za-z0-9._-]}, else a new one. */
    String acceptOrGenerate(Optional<String> presented) {
        return presented.filter(id -> VALID.matcher(id).matches()).orElseGet(this::generate);
    }

    /**
     * A new id: {@code req_} and 20 base-36 characters, ten from each of two random longs (63 bits
     * each, more than the 52 bits ten characters need). Two draws rather than one per character
     * keep the lock on a shared source short.
     */
    String generate() {
        long first;
        long second;
        synchronized (random) {
            first = random.nextLong();
            second = random.nextLong();
        }
        char[] id = new char[4 + 2 * DIGITS_PER_DRAW];
        "req_".getChars(0, 4, id, 0);
        digits(first, id, 4);
        digits(second, id, 4 + DIGITS_PER_DRAW);
        return new String(id);
    }

    private static void digits(long draw, char[] into, int from) {
        long rest = draw >>> 1;
        for (int i = 0; i < DIGITS_PER_DRAW; i++) {
            into[from + i] = ALPHABET[(int) (rest % ALPHABET.length)];
            rest /= ALPHABET.length;
        }
    }
}
