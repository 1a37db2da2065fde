package dev.reapi.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reapi.sandbox.data.Dataset;
import dev.reapi.sandbox.data.Geography;
import dev.reapi.sandbox.data.PropertyRecord;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the one property a {@code /v2} request names by {@code id}, {@code address} or {@code apn}.
 * Validation failures are {@link V2Problem}s; "no such property" is an empty answer, since the
 * endpoints report it differently. Thread-safe.
 */
final class V2Lookup {
    /** Street, city, two-letter state and ZIP; the comma before the state is optional. */
    private static final Pattern ADDRESS =
            Pattern.compile("^(.+?),\\s*(.+?),?\\s+([a-z]{2})\\s+([0-9]{5})$");

    private final Dataset data;

    V2Lookup(Dataset data) {
        this.data = data;
    }

    /** The numeric id in {@code node} (a whole number, or a string of digits). */
    static long id(JsonNode node, String path) {
        if (node.isTextual() && node.asText().matches("[0-9]{1,18}")) {
            return Long.parseLong(node.asText());
        }
        if (node.isTextual()) {
            throw V2Problem.badRequest(path, "must be a property id number");
        }
        try {
            return JsonBodies.integer(node, path, 1, Long.MAX_VALUE);
        } catch (ApiProblem e) {
            throw V2Problem.badRequest(path, "must be a property id number");
        }
    }

    Optional<PropertyRecord> byId(long id) {
        return data.find(id);
    }

    Optional<PropertyRecord> byApn(String apn) {
        OptionalLong id = V2Json.parseApn(apn.trim());
        return id.isPresent() ? data.find(id.getAsLong()) : Optional.empty();
    }

    /** Whether an address has the street, city, state and ZIP this sandbox needs to match. */
    static boolean wellFormed(String address) {
        return ADDRESS.matcher(normalise(address)).matches();
    }

    /** The property at {@code address}; empty when malformed or unknown. */
    Optional<PropertyRecord> byAddress(String address) {
        Matcher m = ADDRESS.matcher(normalise(address));
        if (!m.matches()) {
            return Optional.empty();
        }
        Geography g = data.geography();
        Optional<Integer> zip = g.indexOf(m.group(4));
        if (zip.isEmpty()
                || !normalise(g.city(zip.get())).equals(m.group(2))
                || !g.state(zip.get()).toLowerCase(Locale.ROOT).equals(m.group(3))) {
            return Optional.empty();
        }
        for (long id : data.idsOfZip(zip.get())) {
            PropertyRecord p = data.current(id);
            if (normalise(p.street()).equals(m.group(1))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String s) {
        return s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
