package dev.reapi.client.model;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Maps enum constants to and from their lower snake case wire names. The names are computed once
 * per enum: a page of the updated feed parses and writes thousands of them.
 */
final class Wire {

    private static final ClassValue<Names> NAMES =
            new ClassValue<>() {
                @Override
                protected Names computeValue(Class<?> type) {
                    return new Names(type.getEnumConstants());
                }
            };

    private Wire() {}

    /** The wire name of {@code constant}. */
    static String name(Enum<?> constant) {
        return NAMES.get(constant.getDeclaringClass()).byConstant.get(constant);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String wireName) {
        Names names = NAMES.get(type);
        Object constant = names.byName.get(wireName);
        if (constant == null) {
            throw new IllegalArgumentException(
                    field + " must be one of [" + names.known + "], got '" + wireName + "'");
        }
        return type.cast(constant);
    }

    /** The wire names of one enum's constants, both ways. */
    private static final class Names {

        final IdentityHashMap<Object, String> byConstant = new IdentityHashMap<>();
        final Map<String, Object> byName = new HashMap<>();
        final String known;

        Names(Object[] constants) {
            StringJoiner all = new StringJoiner(", ");
            for (Object constant : constants) {
                String name = ((Enum<?>) constant).name().toLowerCase(Locale.ROOT);
                byConstant.put(constant, name);
                byName.put(name, constant);
                all.add(name);
            }
            this.known = all.toString();
        }
    }
}
