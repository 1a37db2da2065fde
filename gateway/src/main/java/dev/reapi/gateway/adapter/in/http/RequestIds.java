package dev.reapi.gateway.adapter.in.http;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Accepts a caller's request id when it is safe to echo and log, or makes a new one.
 *
 * <p>New ids come from a SplitMix64 sequence seeded once from the given generator, stepped with an
 * atomic add: every request needs an id, and drawing each from a shared {@code SecureRandom}
 * serialised requests on its lock. Ids need to be unique, not secret; 126 bits of the sequence per
 * id keep them apart. The same seed gives the same ids. Thread-safe and lock-free.
 */
final class RequestIds {

    /** The header carrying the id, both ways. */
    static final String HEADER = "X-Request-Id";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private static final int DIGITS_PER_DRAW = 10;

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final AtomicLong state;

    /** Ids seeded with one draw from {@code random}, which is not used afterwards. */
    RequestIds(RandomGenerator random) {
        this.state = new AtomicLong(random.nextLong());
    }

    /** The presented id when it is 1-64 of {@code [A-Za-z0-9._-]}, else a new one. */
    String acceptOrGenerate(Optional<String> presented) {
        return presented.filter(id -> VALID.matcher(id).matches()).orElseGet(this::generate);
    }

    /**
     * A new id: {@code req_} and 20 base-36 characters, ten from each of two draws (63 bits each,
     * more than the 52 bits ten characters need).
     */
    String generate() {
        long first = mix(state.addAndGet(GOLDEN_GAMMA));
        long second = mix(state.addAndGet(GOLDEN_GAMMA));
        char[] id = new char[4 + 2 * DIGITS_PER_DRAW];
        "req_".getChars(0, 4, id, 0);
        digits(first, id, 4);
        digits(second, id, 4 + DIGITS_PER_DRAW);
        return new String(id);
    }

    /** SplitMix64's finaliser (Stafford's variant 13): spreads each step over all 64 bits. */
    private static long mix(long step) {
        long z = (step ^ (step >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static void digits(long draw, char[] into, int from) {
        long rest = draw >>> 1;
        for (int i = 0; i < DIGITS_PER_DRAW; i++) {
            into[from + i] = ALPHABET[(int) (rest % ALPHABET.length)];
            rest /= ALPHABET.length;
        }
    }
}
