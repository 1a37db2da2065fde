package dev.reapi.gateway.domain.cache;

import java.util.Objects;

/**
 * Identifies one cached answer: its data type and a canonical rendering of what was asked. Build
 * the {@code value} with {@link CacheKeys} so that equivalent requests share one key.
 *
 * @param type the kind of data
 * @param value the canonical request, 1 to 2,048 characters
 */
public record CacheKey(DataType type, String value) {

    public CacheKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 2048) {
            throw new IllegalArgumentException(
                    "cache key value must be 1 to 2048 characters, was " + value.length());
        }
    }

    /** The key as one string, {@code type:value}, used by shared caches. */
    public String render() {
        return type.key() + ":" + value;
    }

    @Override
    public String toString() {
        return render();
    }
}
