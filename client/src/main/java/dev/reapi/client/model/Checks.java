package dev.reapi.client.model;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Validation helpers whose messages name the field and the offending value. */
final class Checks {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Checks() {}

    static <T> T notNull(String field, @Nullable T value) {
        return Objects.requireNonNull(value, () -> field + " must not be null");
    }

    static String notBlank(String field, @Nullable String value) {
        notNull(field, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank, got '" + value + "'");
        }
        return value;
    }

    static long atLeast(String field, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    static long between(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    field + " must be in " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    static double between(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(
                    field + " must be in " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    static void ordered(
            String minField, @Nullable Number min, String maxField, @Nullable Number max) {
        if (min != null && max != null && min.doubleValue() > max.doubleValue()) {
            throw new IllegalArgumentException(
                    minField + " (" + min + ") must not exceed " + maxField + " (" + max + ")");
        }
    }

    static String propertyId(String field, @Nullable String id) {
        notNull(field, id);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    field + " must be 1..64 characters of [A-Za-z0-9_-], got '" + id + "'");
        }
        return id;
    }

    static String pattern(String field, @Nullable String value, Pattern pattern, String what) {
        notNull(field, value);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    field + " must be " + what + ", got '" + value + "'");
        }
        return value;
    }

    static @Nullable String cursor(String field, @Nullable String cursor) {
        if (cursor != null && (cursor.isEmpty() || cursor.length() > 200)) {
            throw new IllegalArgumentException(
                    field + " must be 1..200 characters, got " + cursor.length());
        }
        return cursor;
    }
}
