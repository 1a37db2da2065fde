package dev.reapi.client.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Maps enum constants to and from their lower snake case wire names. */
final class Wire {

    private Wire() {}

    static <E extends Enum<E>> E parse(Class<E> type, String field, String wireName) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(wireName)) {
                return constant;
            }
        }
        String known =
                Arrays.stream(type.getEnumConstants())
                        .map(c -> c.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                field + " must be one of [" + known + "], got '" + wireName + "'");
    }
}
