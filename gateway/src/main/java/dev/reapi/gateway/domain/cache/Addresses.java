package dev.reapi.gateway.domain.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical US addresses for cache keys: upper case, punctuation and repeated spaces removed,
 * street suffixes, directions and unit words abbreviated the USPS way, and a state written out in
 * full replaced by its two-letter code. {@code "1234 Oak Street, Springfield, Illinois 62704"} and
 * {@code "1234 oak st., springfield, IL 62704"} both become {@code "1234 OAK ST, SPRINGFIELD, IL
 * 62704"}. The result is idempotent. Stateless and thread-safe.
 */
public final class Addresses {

    private static final Pattern COMMA = Pattern.compile(",");
    private static final Pattern SPACE = Pattern.compile(" ");
    private static final Pattern NOT_WORD = Pattern.compile("[^A-Z0-9 ]+");
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    private static final Pattern STATE_ZIP = Pattern.compile("^(.*?) ?(\\d{5}(?: ?\\d{4})?)?$");

    private static final Map<String, String> WORDS =
            Map.ofEntries(
                    Map.entry("STREET", "ST"),
                    Map.entry("AVENUE", "AVE"),
                    Map.entry("BOULEVARD", "BLVD"),
                    Map.entry("DRIVE", "DR"),
                    Map.entry("ROAD", "RD"),
                    Map.entry("LANE", "LN"),
                    Map.entry("COURT", "CT"),
                    Map.entry("PLACE", "PL"),
                    Map.entry("TERRACE", "TER"),
                    Map.entry("CIRCLE", "CIR"),
                    Map.entry("PARKWAY", "PKWY"),
                    Map.entry("HIGHWAY", "HWY"),
                    Map.entry("SQUARE", "SQ"),
                    Map.entry("TRAIL", "TRL"),
                    Map.entry("ALLEY", "ALY"),
                    Map.entry("EXPRESSWAY", "EXPY"),
                    Map.entry("FREEWAY", "FWY"),
                    Map.entry("PIKE", "PIKE"),
                    Map.entry("HEIGHTS", "HTS"),
                    Map.entry("NORTH", "N"),
                    Map.entry("SOUTH", "S"),
                    Map.entry("EAST", "E"),
                    Map.entry("WEST", "W"),
                    Map.entry("NORTHEAST", "NE"),
                    Map.entry("NORTHWEST", "NW"),
                    Map.entry("SOUTHEAST", "SE"),
                    Map.entry("SOUTHWEST", "SW"),
                    Map.entry("APARTMENT", "APT"),
                    Map.entry("SUITE", "STE"),
                    Map.entry("UNIT", "UNIT"),
                    Map.entry("BUILDING", "BLDG"),
                    Map.entry("FLOOR", "FL"));

    private static final Map<String, String> STATES = states();

    private Addresses() {}

    /** The canonical form of {@code address}; blank input gives an empty string. */
    public static String canonical(String address) {
        String[] parts = COMMA.split(address.toUpperCase(Locale.ROOT), -1);
        List<String> cleaned = new ArrayList<>(parts.length);
        for (String part : parts) {
            String words = clean(part);
            if (!words.isEmpty()) {
                cleaned.add(words);
            }
        }
        if (cleaned.isEmpty()) {
            return "";
        }
        int last = cleaned.size() - 1;
        if (last == 0) {
            return abbreviate(cleaned.get(0));
        }
        for (int i = 0; i < last; i++) {
            cleaned.set(i, abbreviate(cleaned.get(i)));
        }
        cleaned.set(last, stateAndZip(cleaned.get(last)));
        return String.join(", ", cleaned);
    }

    private static String clean(String part) {
        String words = NOT_WORD.matcher(part).replaceAll(" ");
        return SPACES.matcher(words).replaceAll(" ").trim();
    }

    private static String abbreviate(String words) {
        String[] tokens = SPACE.split(words, -1);
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = WORDS.getOrDefault(tokens[i], tokens[i]);
        }
        return String.join(" ", tokens);
    }

    private static String stateAndZip(String part) {
        Matcher m = STATE_ZIP.matcher(part);
        if (!m.matches()) {
            return part;
        }
        String code = stateCode(m.group(1).trim());
        String zip = m.group(2) == null ? "" : m.group(2).replace(" ", "");
        return zip.isEmpty() ? code : (code.isEmpty() ? zip : code + " " + zip);
    }

    /** Replaces a state name that ends {@code words} by its code; the longest name wins. */
    private static String stateCode(String words) {
        String best = "";
        for (String name : STATES.keySet()) {
            boolean ends = words.equals(name) || words.endsWith(" " + name);
            if (ends && name.length() > best.length()) {
                best = name;
            }
        }
        if (best.isEmpty()) {
            return words;
        }
        return words.substring(0, words.length() - best.length()) + STATES.get(best);
    }

    private static Map<String, String> states() {
        String[][] pairs = {
            {"ALABAMA", "AL"},
            {"ALASKA", "AK"},
            {"ARIZONA", "AZ"},
            {"ARKANSAS", "AR"},
            {"CALIFORNIA", "CA"},
            {"COLORADO", "CO"},
            {"CONNECTICUT", "CT"},
            {"DELAWARE", "DE"},
            {"DISTRICT OF COLUMBIA", "DC"},
            {"FLORIDA", "FL"},
            {"GEORGIA", "GA"},
            {"HAWAII", "HI"},
            {"IDAHO", "ID"},
            {"ILLINOIS", "IL"},
            {"INDIANA", "IN"},
            {"IOWA", "IA"},
            {"KANSAS", "KS"},
            {"KENTUCKY", "KY"},
            {"LOUISIANA", "LA"},
            {"MAINE", "ME"},
            {"MARYLAND", "MD"},
            {"MASSACHUSETTS", "MA"},
            {"MICHIGAN", "MI"},
            {"MINNESOTA", "MN"},
            {"MISSISSIPPI", "MS"},
            {"MISSOURI", "MO"},
            {"MONTANA", "MT"},
            {"NEBRASKA", "NE"},
            {"NEVADA", "NV"},
            {"NEW HAMPSHIRE", "NH"},
            {"NEW JERSEY", "NJ"},
            {"NEW MEXICO", "NM"},
            {"NEW YORK", "NY"},
            {"NORTH CAROLINA", "NC"},
            {"NORTH DAKOTA", "ND"},
            {"OHIO", "OH"},
            {"OKLAHOMA", "OK"},
            {"OREGON", "OR"},
            {"PENNSYLVANIA", "PA"},
            {"RHODE ISLAND", "RI"},
            {"SOUTH CAROLINA", "SC"},
            {"SOUTH DAKOTA", "SD"},
            {"TENNESSEE", "TN"},
            {"TEXAS", "TX"},
            {"UTAH", "UT"},
            {"VERMONT", "VT"},
            {"VIRGINIA", "VA"},
            {"WASHINGTON", "WA"},
            {"WEST VIRGINIA", "WV"},
            {"WISCONSIN", "WI"},
            {"WYOMING", "WY"},
            {"PUERTO RICO", "PR"}
        };
        var map = new java.util.HashMap<String, String>();
        for (String[] pair : pairs) {
            map.put(pair[0], pair[1]);
        }
        return Map.copyOf(map);
    }
}
