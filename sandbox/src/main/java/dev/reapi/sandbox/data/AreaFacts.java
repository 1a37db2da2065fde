package dev.reapi.sandbox.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Demographics and schools per ZIP, and valuations per property: pure functions of (seed, ZIP or
 * property), correlated with the area's price level. Thread-safe.
 */
public final class AreaFacts {
    private static final String[] LEVELS = {"elementary", "middle", "high"};
    private static final String[] GRADES = {"K-5", "6-8", "9-12"};
    private static final String[] KINDS = {"Elementary School", "Middle School", "High School"};

    private final long seed;
    private final PropertyGenerator generator;

    public AreaFacts(long seed, PropertyGenerator generator) {
        this.seed = seed;
        this.generator = generator;
    }

    /**
     * A ZIP's figures.
     *
     * @param zipIndex the ZIP
     * @param population residents
     * @param medianHouseholdIncome dollars per year
     * @param medianAge years
     * @param households households
     * @param ownerOccupiedShare 0..1
     * @param medianHomeValue dollars
     * @param unemploymentRate 0..1
     */
    public record Demographics(
            int zipIndex,
            long population,
            long medianHouseholdIncome,
            double medianAge,
            long households,
            double ownerOccupiedShare,
            long medianHomeValue,
            double unemploymentRate) {}

    public Demographics demographics(int zip) {
        SplittableRandom r = new SplittableRandom(Mix.of(seed, 0xDE30L, zip));
        long homeValue = generator.areaMedian(zip);
        double factor = generator.zipFactor(zip);
        long population = Math.round(Math.exp(Math.log(9_000) + 1.1 * r.nextGaussian()));
        population = Math.max(150, Math.min(120_000, population));
        long income =
                Math.round((24_000 + homeValue * 0.17) * Math.exp(0.15 * r.nextGaussian()) / 100)
                        * 100;
        double householdSize = 2.2 + 0.6 * r.nextDouble();
        double owners = clamp(0.78 - 0.12 * Math.log(factor) - 0.15 * r.nextDouble(), 0.2, 0.92);
        double unemployment =
                clamp(0.075 - income / 3_000_000.0 + 0.015 * r.nextGaussian(), 0.015, 0.2);
        return new Demographics(
                zip,
                population,
                income,
                round1(33 + 10 * r.nextDouble()),
                Math.round(population / householdSize),
                round3(owners),
                homeValue,
                round3(unemployment));
    }

    /**
     * A school.
     *
     * @param id {@code S} + ZIP + ordinal
     * @param name its name
     * @param level elementary, middle or high
     * @param rating 1..10
     * @param grades e.g. {@code K-5}
     * @param lat latitude
     * @param lng longitude
     * @param distanceMiles distance from the query point
     */
    public record School(
            String id,
            String name,
            String level,
            int rating,
            String grades,
            double lat,
            double lng,
            double distanceMiles) {}

    /** Schools within the radius of the point, nearest first (ties by id). */
    public List<School> schoolsNear(double lat, double lng, double radiusMiles) {
        Geography g = generator.geography();
        List<School> found = new ArrayList<>();
        for (int zip : g.zipsWithin(lat, lng, radiusMiles + 2)) {
            for (School s : schoolsOf(zip)) {
                double d = Geography.distanceMiles(lat, lng, s.lat(), s.lng());
                if (d <= radiusMiles) {
                    found.add(
                            new School(
                                    s.id(),
                                    s.name(),
                                    s.level(),
                                    s.rating(),
                                    s.grades(),
                                    s.lat(),
                                    s.lng(),
                                    Math.round(d * 100) / 100.0));
                }
            }
        }
        found.sort(Comparator.comparingDouble(School::distanceMiles).thenComparing(School::id));
        return found;
    }

    private List<School> schoolsOf(int zip) {
        Geography g = generator.geography();
        SplittableRandom r = new SplittableRandom(Mix.of(seed, 0x5C400L, zip));
        double quality = Math.log(generator.zipFactor(zip));
        int count = 3 + r.nextInt(3);
        List<School> schools = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int level = i < 3 ? i : r.nextInt(3);
            int rating = (int) clamp(Math.rint(6 + 4 * quality + 1.6 * r.nextGaussian()), 1, 10);
            String name =
                    Names.SCHOOL_PATRONS[r.nextInt(Names.SCHOOL_PATRONS.length)]
                            + " "
                            + KINDS[level];
            schools.add(
                    new School(
                            "S" + g.zip(zip) + i,
                            name,
                            LEVELS[level],
                            rating,
                            GRADES[level],
                            round4(g.lat(zip) + (r.nextDouble() - 0.5) * 0.04),
                            round4(g.lng(zip) + (r.nextDouble() - 0.5) * 0.04),
                            0));
        }
        return schools;
    }

    /**
     * An automated valuation.
     *
     * @param estimate dollars
     * @param low dollars
     * @param high dollars
     * @param confidence 0..1
     */
    public record Valuation(long estimate, long low, long high, double confidence) {}

    /** Values a property near its current price, with a band that narrows as confidence grows. */
    public Valuation valuation(PropertyRecord p) {
        SplittableRandom r =
                new SplittableRandom(Mix.of(seed, 0xA7A1L, p.id() * 31 + p.market().price()));
        double confidence =
                round3(
                        p.type().equals("land")
                                ? 0.55 + 0.2 * r.nextDouble()
                                : 0.72 + 0.24 * r.nextDouble());
        double spread = (1 - confidence) * 0.5;
        long estimate =
                PropertyGenerator.roundPrice(
                        p.market().price()
                                * (1 + clamp(spread * 0.5 * r.nextGaussian(), -spread, spread)));
        long low = PropertyGenerator.roundPrice(estimate * (1 - spread));
        long high = PropertyGenerator.roundPrice(estimate * (1 + spread));
        return new Valuation(
                estimate, Math.min(low, estimate), Math.max(high, estimate), confidence);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1_000) / 1_000.0;
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
