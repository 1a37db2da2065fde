package dev.reapi.gateway.application.cache;

/**
 * Turns values into the JSON text the response cache stores, and back. Implementations are
 * stateless and thread-safe.
 *
 * @param <V> the value type
 */
public interface ValueCodec<V> {

    /** The JSON text of {@code value}. */
    String encode(V value);

    /** The value of {@code json}, which {@link #encode} produced. */
    V decode(String json);

    /** A codec for values that already are JSON text. */
    static ValueCodec<String> identity() {
        return new ValueCodec<>() {
            @Override
            public String encode(String value) {
                return value;
            }

            @Override
            public String decode(String json) {
                return json;
            }
        };
    }
}
