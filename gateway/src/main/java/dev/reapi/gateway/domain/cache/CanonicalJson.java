package dev.reapi.gateway.domain.cache;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a JSON-like tree (maps, lists, strings, numbers, booleans, nulls) as one canonical JSON
 * string: object members sorted by name, null members dropped, numbers in their shortest plain form
 * ({@code 3.50} and {@code 3.5} and {@code 35e-1} all become {@code 3.5}), no white space. Two
 * trees that mean the same render the same. Stateless and thread-safe.
 */
public final class CanonicalJson {

    private CanonicalJson() {}

    /**
     * The canonical rendering of {@code tree}.
     *
     * @throws IllegalArgumentException when the tree holds something that is not JSON
     */
    public static String render(Object tree) {
        var out = new StringBuilder(128);
        write(tree, out);
        return out.toString();
    }

    private static void write(Object node, StringBuilder out) {
        switch (node) {
            case Map<?, ?> map -> writeObject(map, out);
            case List<?> list -> writeArray(list, out);
            case String s -> writeString(s, out);
            case Number n -> out.append(number(n));
            case Boolean b -> out.append(b);
            default ->
                    throw new IllegalArgumentException(
                            "not a JSON value: " + node.getClass().getName());
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out) {
        var sorted = new TreeMap<String, Object>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getValue() != null) {
                sorted.put(String.valueOf(e.getKey()), e.getValue());
            }
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(e.getKey(), out);
            out.append(':');
            write(e.getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(List<?> list, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object item = list.get(i);
            if (item == null) {
                out.append("null");
            } else {
                write(item, out);
            }
        }
        out.append(']');
    }

    /** The shortest plain decimal form of {@code n}; integers have no fraction. */
    static String number(Number n) {
        BigDecimal d =
                switch (n) {
                    case BigDecimal b -> b;
                    case Double x -> BigDecimal.valueOf(x);
                    case Float x -> new BigDecimal(Float.toString(x));
                    default -> new BigDecimal(n.toString());
                };
        if (d.signum() == 0) {
            return "0";
        }
        return d.stripTrailingZeros().toPlainString();
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
