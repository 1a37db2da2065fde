package dev.reapi.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** One mapping of the tree with its dotted path, for messages that name the key. */
record Section(String prefix, ObjectNode node) {

    String path(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    Set<String> keys() {
        var keys = new LinkedHashSet<String>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    void only(String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String key : keys()) {
            if (!known.contains(key)) {
                throw new ConfigException(
                        path(key) + ": unknown key; expected one of " + List.of(allowed));
            }
        }
    }

    Section section(String key) {
        JsonNode child = node.get(key);
        if (child == null || child.isNull()) {
            return new Section(path(key), JsonNodeFactory.instance.objectNode());
        }
        if (!(child instanceof ObjectNode object)) {
            throw new ConfigException(path(key) + ": expected a mapping, was '" + child + "'");
        }
        return new Section(path(key), object);
    }

    Optional<String> optionalText(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode value = node.get(key);
        if (!value.isValueNode()) {
            throw new ConfigException(path(key) + ": expected a single value");
        }
        String text = value.asText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    String text(String key, String fallback) {
        return optionalText(key).orElse(fallback);
    }

    long integer(String key, long fallback, long min, long max) {
        Optional<String> text = optionalText(key);
        if (text.isEmpty()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.get());
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    path(key) + ": expected an integer, was '" + text.get() + "'", e);
        }
        if (value < min || value > max) {
            throw new ConfigException(
                    path(key) + ": must be in " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    /** A case-insensitive true or false; absent means {@code fallback}. */
    boolean flag(String key, boolean fallback) {
        String text = text(key, String.valueOf(fallback)).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default ->
                    throw new ConfigException(
                            path(key) + ": expected true or false, was '" + text + "'");
        };
    }

    URI uri(String key, String text, String... schemes) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null
                    || !List.of(schemes).contains(uri.getScheme())
                    || uri.getHost() == null) {
                throw new ConfigException(
                        path(key)
                                + ": expected a "
                                + String.join("/", schemes)
                                + " URL with a host, was '"
                                + redact(uri)
                                + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(path(key) + ": not a URL (" + e.getReason() + ")", e);
        }
    }

    private static String redact(URI uri) {
        return uri.getUserInfo() == null
                ? uri.toString()
                : uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
    }
}
