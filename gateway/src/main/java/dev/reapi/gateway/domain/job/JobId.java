package dev.reapi.gateway.domain.job;

import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A job's public id: {@code job_} followed by 20 base-36 characters.
 *
 * @param value the id as shown to users
 */
public record JobId(String value) {

    private static final Pattern VALID = Pattern.compile("job_[0-9a-z]{20}");
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    public JobId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "job id must be job_ and 20 of [0-9a-z], was '" + value + "'");
        }
    }

    /** Whether {@code candidate} is a well-formed job id. */
    public static boolean isValid(String candidate) {
        return VALID.matcher(candidate).matches();
    }

    /** A new id drawn from {@code random}; callers synchronise non-thread-safe generators. */
    public static JobId random(RandomGenerator random) {
        var id = new StringBuilder("job_");
        for (int i = 0; i < 20; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return new JobId(id.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
