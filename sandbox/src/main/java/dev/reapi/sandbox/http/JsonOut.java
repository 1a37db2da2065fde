package dev.reapi.sandbox.http;

/**
 * A minimal JSON writer over a pre-sized {@link StringBuilder}: the hot routes write their answers
 * with it instead of reflection-based mapping. Commas are tracked per nesting level. Not
 * thread-safe; one per response.
 */
final class JsonOut {
    private final StringBuilder sb;
    private boolean needComma;

    JsonOut(int capacity) {
        sb = new StringBuilder(capacity);
    }

    JsonOut beginObject() {
        comma();
        sb.append('{');
        needComma = false;
        return this;
    }

    JsonOut endObject() {
        sb.append('}');
        needComma = true;
        return this;
    }

    JsonOut beginArray() {
        comma();
        sb.append('[');
        needComma = false;
        return this;
    }

    JsonOut endArray() {
        sb.append(']');
        needComma = true;
        return this;
    }

    JsonOut name(String name) {
        comma();
        sb.append('"').append(name).append("\":");
        needComma = false;
        return this;
    }

    JsonOut value(String value) {
        comma();
        quote(value);
        needComma = true;
        return this;
    }

    JsonOut value(long value) {
        comma();
        sb.append(value);
        needComma = true;
        return this;
    }

    JsonOut value(double value) {
        comma();
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            sb.append((long) value).append(".0");
        } else {
            sb.append(value);
        }
        needComma = true;
        return this;
    }

    JsonOut value(boolean value) {
        comma();
        sb.append(value);
        needComma = true;
        return this;
    }

    JsonOut nullValue() {
        comma();
        sb.append("null");
        needComma = true;
        return this;
    }

    JsonOut field(String name, String value) {
        return name(name).value(value);
    }

    JsonOut field(String name, long value) {
        return name(name).value(value);
    }

    JsonOut field(String name, double value) {
        return name(name).value(value);
    }

    private void comma() {
        if (needComma) {
            sb.append(',');
        }
    }

    private void quote(String s) {
        sb.append('"');
        if (!needsEscape(s)) {
            sb.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Whether {@code s} has a character that {@link #quote} escapes; most strings have none. */
    private static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x2028 || c == 0x2029) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
