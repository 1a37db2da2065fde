package dev.reapi.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reapi.sandbox.data.AreaFacts;
import dev.reapi.sandbox.data.Dataset;
import dev.reapi.sandbox.data.Geography;
import dev.reapi.sandbox.data.PropertyRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Parses a {@code POST /v2/PropertySearch} body and finds its matches over the current dataset,
 * ordered by id so that offset paging is stable. Stateless apart from the dataset; thread-safe.
 */
final class V2Search {
    static final int MAX_SIZE = 250;
    static final int DEFAULT_SIZE = 50;
    private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern ZIP = Pattern.compile("[0-9]{5}");
    private static final double JITTER_MILES = 2.0;
    private static final Set<String> LOCATION =
            Set.of("city", "state", "zip", "county", "latitude", "longitude", "radius", "polygon");
    private static final Set<String> MODES = Set.of("size", "resultIndex", "count", "ids_only");

    private final Dataset data;
    private final AreaFacts facts;

    V2Search(Dataset data, AreaFacts facts) {
        this.data = data;
        this.facts = facts;
    }

    /**
     * A validated search.
     *
     * @param location where
     * @param filter which properties match
     * @param size records per page
     * @param resultIndex offset of the first record
     * @param count whether only the count is wanted
     * @param idsOnly whether only ids are wanted
     */
    record Query(
            Location location,
            Predicate<PropertyRecord> filter,
            int size,
            int resultIndex,
            boolean count,
            boolean idsOnly) {}

    /** Where to search. */
    sealed interface Location {}

    record City(String city, String state) implements Location {}

    record State(String state) implements Location {}

    record Zip(String zip) implements Location {}

    record Circle(double lat, double lng, double radiusMiles) implements Location {}

    /** A polygon of points, closed implicitly. */
    static final class Polygon implements Location {
        private final double[] lats;
        private final double[] lngs;

        Polygon(double[] lats, double[] lngs) {
            this.lats = lats.clone();
            this.lngs = lngs.clone();
        }

        double[] lats() {
            return lats.clone();
        }

        double[] lngs() {
            return lngs.clone();
        }
    }

    Query parse(JsonNode body) {
        JsonBodies.object(body, "");
        Set<String> allowed = new HashSet<>(LOCATION);
        allowed.addAll(MODES);
        allowed.addAll(V2Filters.NAMES);
        JsonBodies.onlyFields(body, "", allowed);
        int size =
                body.has("size")
                        ? (int) JsonBodies.integer(body.get("size"), "size", 1, MAX_SIZE)
                        : DEFAULT_SIZE;
        int index =
                body.has("resultIndex")
                        ? (int)
                                JsonBodies.integer(
                                        body.get("resultIndex"), "resultIndex", 0, 1_000_000_000)
                        : 0;
        boolean count = flag(body, "count");
        boolean idsOnly = flag(body, "ids_only");
        if (count && idsOnly) {
            throw V2Problem.badRequest("ids_only", "cannot be combined with count");
        }
        return new Query(location(body), V2Filters.parse(body, facts), size, index, count, idsOnly);
    }

    static boolean flag(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null) {
            return false;
        }
        if (!v.isBoolean()) {
            throw V2Problem.badRequest(name, "must be true or false");
        }
        return v.asBoolean();
    }

    private static Location location(JsonNode n) {
        if (n.has("county")) {
            throw V2Problem.badRequest("county", "county search is not supported by the sandbox");
        }
        boolean circle = n.has("latitude") || n.has("longitude") || n.has("radius");
        boolean polygon = n.has("polygon");
        boolean zip = n.has("zip");
        boolean city = n.has("city");
        int shapes = (circle ? 1 : 0) + (polygon ? 1 : 0) + (zip ? 1 : 0) + (city ? 1 : 0);
        if (shapes > 1) {
            throw V2Problem.badRequest(
                    "location",
                    "give exactly one of city with state, zip, latitude with longitude and"
                            + " radius, polygon, or state");
        }
        if (zip) {
            String z = JsonBodies.string(n.get("zip"), "zip");
            if (!ZIP.matcher(z).matches()) {
                throw V2Problem.badRequest("zip", "must be five digits");
            }
            return new Zip(z);
        }
        if (circle) {
            return new Circle(
                    JsonBodies.number(required(n, "latitude"), "latitude", -90, 90, false),
                    JsonBodies.number(required(n, "longitude"), "longitude", -180, 180, false),
                    JsonBodies.number(required(n, "radius"), "radius", 0.01, 50, false));
        }
        if (polygon) {
            return polygon(n.get("polygon"));
        }
        if (city && !n.has("state")) {
            throw V2Problem.badRequest("state", "is required with city");
        }
        if (!n.has("state")) {
            throw V2Problem.badRequest(
                    "location",
                    "is required: city with state, zip, latitude with longitude and radius,"
                            + " polygon, or state");
        }
        String state = JsonBodies.string(n.get("state"), "state");
        if (!STATE.matcher(state).matches()) {
            throw V2Problem.badRequest("state", "must be a two-letter state code");
        }
        if (!city) {
            return new State(state.toUpperCase(Locale.ROOT));
        }
        String c = JsonBodies.string(n.get("city"), "city");
        if (c.isBlank() || c.length() > 80) {
            throw V2Problem.badRequest("city", "must be 1 to 80 characters");
        }
        return new City(c, state);
    }

    private static Polygon polygon(JsonNode points) {
        if (!points.isArray() || points.size() < 3 || points.size() > 1_000) {
            throw V2Problem.badRequest("polygon", "must be an array of 3 to 1000 points");
        }
        double[] lats = new double[points.size()];
        double[] lngs = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            String path = "polygon[" + i + "]";
            JsonNode p = JsonBodies.object(points.get(i), path);
            JsonBodies.onlyFields(p, path, Set.of("lat", "lon"));
            lats[i] = JsonBodies.number(required(p, "lat", path), path + ".lat", -90, 90, false);
            lngs[i] = JsonBodies.number(required(p, "lon", path), path + ".lon", -180, 180, false);
        }
        return new Polygon(lats, lngs);
    }

    private static JsonNode required(JsonNode n, String name) {
        return required(n, name, "");
    }

    private static JsonNode required(JsonNode n, String name, String prefix) {
        JsonNode v = n.get(name);
        if (v == null) {
            throw V2Problem.badRequest(JsonBodies.join(prefix, name), "is required");
        }
        return v;
    }

    /** Every match, ordered by id. */
    List<PropertyRecord> run(Query q) {
        List<PropertyRecord> matches = new ArrayList<>();
        for (int zip : zipsOf(q.location())) {
            for (long id : data.idsOfZip(zip)) {
                PropertyRecord p = data.current(id);
                if (inside(q.location(), p) && q.filter().test(p)) {
                    matches.add(p);
                }
            }
        }
        matches.sort(Comparator.comparingLong(PropertyRecord::id));
        return matches;
    }

    private int[] zipsOf(Location location) {
        Geography g = data.geography();
        return switch (location) {
            case City c -> g.zipsOfCity(c.city(), c.state());
            case Zip z -> {
                Optional<Integer> index = g.indexOf(z.zip());
                yield index.isPresent() ? new int[] {index.get()} : new int[0];
            }
            case Circle c -> g.zipsWithin(c.lat(), c.lng(), c.radiusMiles() + JITTER_MILES);
            case State s ->
                    IntStream.range(0, g.size())
                            .filter(z -> g.state(z).equals(s.state()))
                            .toArray();
            case Polygon p -> zipsNear(g, p);
        };
    }

    /** ZIPs whose centroid lies in the polygon's bounding box widened by the jitter. */
    private static int[] zipsNear(Geography g, Polygon p) {
        double margin = 0.1;
        double minLat = Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        double minLng = Double.MAX_VALUE;
        double maxLng = -Double.MAX_VALUE;
        for (int i = 0; i < p.lats.length; i++) {
            minLat = Math.min(minLat, p.lats[i]);
            maxLat = Math.max(maxLat, p.lats[i]);
            minLng = Math.min(minLng, p.lngs[i]);
            maxLng = Math.max(maxLng, p.lngs[i]);
        }
        double[] box = {minLat - margin, maxLat + margin, minLng - margin, maxLng + margin};
        return IntStream.range(0, g.size())
                .filter(
                        z ->
                                g.lat(z) >= box[0]
                                        && g.lat(z) <= box[1]
                                        && g.lng(z) >= box[2]
                                        && g.lng(z) <= box[3])
                .toArray();
    }

    private static boolean inside(Location location, PropertyRecord p) {
        return switch (location) {
            case Circle c ->
                    Geography.distanceMiles(c.lat(), c.lng(), p.lat(), p.lng()) <= c.radiusMiles();
            case Polygon poly -> contains(poly, p.lat(), p.lng());
            default -> true;
        };
    }

    /** Even-odd ray casting; the polygon is closed implicitly. */
    static boolean contains(Polygon poly, double lat, double lng) {
        double[] ys = poly.lats;
        double[] xs = poly.lngs;
        boolean in = false;
        for (int i = 0, j = ys.length - 1; i < ys.length; j = i++) {
            if ((ys[i] > lat) != (ys[j] > lat)
                    && lng < (xs[j] - xs[i]) * (lat - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                in = !in;
            }
        }
        return in;
    }
}
