package dev.reapi.sandbox.data;

import dev.reapi.sandbox.SandboxException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * US ZIP codes (50 states and DC) with city, state and centroid, loaded once from the bundled
 * {@code zips.csv.gz}. ZIPs are addressed by their index (0..size-1, in ZIP order). Immutable and
 * thread-safe after construction.
 */
public final class Geography {
    private static final String RESOURCE = "/dev/reapi/sandbox/zips.csv.gz";
    private static final double MILES_PER_DEGREE_LAT = 69.0;

    private final int[] zips;
    private final String[] cities;
    private final String[] states;
    private final double[] lats;
    private final double[] lngs;
    private final int[] indexOfZip = new int[100_000];
    private final Map<String, int[]> byCity;
    private final Map<Long, int[]> grid;

    private Geography(List<String[]> rows) {
        int n = rows.size();
        zips = new int[n];
        cities = new String[n];
        states = new String[n];
        lats = new double[n];
        lngs = new double[n];
        Arrays.fill(indexOfZip, -1);
        Map<String, String> interned = new HashMap<>();
        Map<String, List<Integer>> cityLists = new HashMap<>();
        Map<Long, List<Integer>> cellLists = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(i);
            zips[i] = Integer.parseInt(row[0]);
            states[i] = interned.computeIfAbsent(row[1], s -> s);
            cities[i] = interned.computeIfAbsent(row[2], s -> s);
            lats[i] = Double.parseDouble(row[3]);
            lngs[i] = Double.parseDouble(row[4]);
            indexOfZip[zips[i]] = i;
            cityLists.computeIfAbsent(cityKey(cities[i], states[i]), k -> new ArrayList<>()).add(i);
            cellLists.computeIfAbsent(cell(lats[i], lngs[i]), k -> new ArrayList<>()).add(i);
        }
        byCity = toArrays(cityLists);
        grid = toArrays(cellLists);
    }

    /** Loads the bundled ZIP table. */
    public static Geography load() {
        try (InputStream raw = Geography.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new SandboxException("missing resource " + RESOURCE);
            }
            BufferedReader in =
                    new BufferedReader(
                            new InputStreamReader(
                                    new GZIPInputStream(raw), StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>(42_000);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return new Geography(rows);
        } catch (IOException | RuntimeException e) {
            throw new SandboxException("cannot read the ZIP table " + RESOURCE, e);
        }
    }

    private static <K> Map<K, int[]> toArrays(Map<K, List<Integer>> lists) {
        Map<K, int[]> out = new HashMap<>(lists.size() * 2);
        lists.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return Map.copyOf(out);
    }

    private static String cityKey(String city, String state) {
        return city.toLowerCase(Locale.ROOT).trim() + '|' + state.toUpperCase(Locale.ROOT);
    }

    private static long cell(double lat, double lng) {
        return ((long) Math.floor(lat) << 32) ^ Math.floorMod((long) Math.floor(lng), 1L << 32);
    }

    public int size() {
        return zips.length;
    }

    public String zip(int index) {
        return zipText(zips[index]);
    }

    public int zipNumber(int index) {
        return zips[index];
    }

    public String city(int index) {
        return cities[index];
    }

    public String state(int index) {
        return states[index];
    }

    public double lat(int index) {
        return lats[index];
    }

    public double lng(int index) {
        return lngs[index];
    }

    /** The index of a five-digit ZIP, if it is in the table. */
    public Optional<Integer> indexOf(String zip) {
        if (zip.length() != 5 || !zip.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int index = indexOfZip[Integer.parseInt(zip)];
        return index < 0 ? Optional.empty() : Optional.of(index);
    }

    /** The ZIP indexes of a city (case-insensitive), empty when unknown. */
    public int[] zipsOfCity(String city, String state) {
        int[] found = byCity.get(cityKey(city.replaceAll("\\s+", " "), state));
        return found == null ? new int[0] : found.clone();
    }

    /** The ZIP indexes whose centroid lies within {@code radiusMiles} of the point. */
    public int[] zipsWithin(double lat, double lng, double radiusMiles) {
        double dLat = radiusMiles / MILES_PER_DEGREE_LAT;
        double cos = Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(lat)) + dLat)));
        double dLng = Math.min(180, radiusMiles / (MILES_PER_DEGREE_LAT * cos));
        List<Integer> found = new ArrayList<>();
        for (long la = (long) Math.floor(lat - dLat); la <= (long) Math.floor(lat + dLat); la++) {
            for (long lo = (long) Math.floor(lng - dLng);
                    lo <= (long) Math.floor(lng + dLng);
                    lo++) {
                long wrapped = Math.floorMod(lo + 180, 360L) - 180L;
                int[] members = grid.get((la << 32) ^ Math.floorMod(wrapped, 1L << 32));
                if (members == null) {
                    continue;
                }
                for (int z : members) {
                    if (distanceMiles(lat, lng, lats[z], lngs[z]) <= radiusMiles) {
                        found.add(z);
                    }
                }
            }
        }
        return found.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    }

    /** The ZIP whose centroid is nearest to the point, if one lies within {@code maxMiles}. */
    public Optional<Integer> nearest(double lat, double lng, double maxMiles) {
        for (double r = 5; ; r = Math.min(maxMiles, r * 2)) {
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int z : zipsWithin(lat, lng, r)) {
                double d = distanceMiles(lat, lng, lats[z], lngs[z]);
                if (d < bestDistance) {
                    best = z;
                    bestDistance = d;
                }
            }
            if (best >= 0) {
                return Optional.of(best);
            }
            if (r >= maxMiles) {
                return Optional.empty();
            }
        }
    }

    /** Great-circle distance in miles (haversine, mean Earth radius). */
    public static double distanceMiles(double lat1, double lng1, double lat2, double lng2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lng2 - lng1);
        double a =
                Math.sin(dp / 2) * Math.sin(dp / 2)
                        + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 3958.8 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    static String zipText(int zip) {
        char[] out = new char[5];
        for (int i = 4; i >= 0; i--) {
            out[i] = (char) ('0' + zip % 10);
            zip /= 10;
        }
        return new String(out);
    }
}
