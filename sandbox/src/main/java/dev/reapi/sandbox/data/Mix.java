package dev.reapi.sandbox.data;

/** SplitMix64-style mixing: independent, well-spread seeds from (seed, stream, key). */
final class Mix {
    private Mix() {}

    static long of(long seed, long stream, long key) {
        return mix(mix(seed ^ (stream * 0x9E3779B97F4A7C15L)) + key);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
