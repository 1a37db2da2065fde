package dev.reapi.sandbox.data;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Generates a property's original facts as a pure function of (seed, id): nothing is stored, so the
 * dataset's size costs no memory. Property {@code i} lies in ZIP index {@code (i - 1) mod Z}, so a
 * ZIP's properties are {@code z + 1, z + 1 + Z, ...}. The original {@code updated_at} grows with
 * the id over the year before the anchor day, so the (updated_at, id) order of untouched properties
 * is the id order. Thread-safe.
 */
public final class PropertyGenerator {
    static final long YEAR_SECONDS = 365L * 86_400;

    /** Original updates come in hourly batches, so large datasets share timestamps. */
    private static final long HOURS = 365L * 24;

    private static final String[] TYPES = {
        "single_family", "condo", "townhouse", "multi_family", "mobile_home", "land"
    };
    private static final double[] TYPE_WEIGHTS = {0.62, 0.14, 0.09, 0.07, 0.04, 0.04};
    private static final double[] TYPE_SQFT = {1_900, 1_050, 1_500, 2_800, 1_150, 0};
    private static final double[] TYPE_PRICE = {1.0, 0.85, 0.92, 1.05, 0.45, 0.2};
    private static final double[] TYPE_LOT = {7_500, 0, 2_400, 6_000, 5_000, 43_560};

    private final long seed;
    private final long count;
    private final Geography geography;
    private final int anchorDay;
    private final long anchorSecond;
    private final int anchorYear;

    /**
     * @param anchorDay epoch day the dataset is anchored to: original dates lie before it
     */
    public PropertyGenerator(long seed, long count, Geography geography, int anchorDay) {
        this.seed = seed;
        this.count = count;
        this.geography = geography;
        this.anchorDay = anchorDay;
        this.anchorSecond = anchorDay * 86_400L;
        this.anchorYear = yearOf(anchorDay);
    }

    public long seed() {
        return seed;
    }

    public long count() {
        return count;
    }

    public int anchorDay() {
        return anchorDay;
    }

    public Geography geography() {
        return geography;
    }

    public int zipIndexOf(long id) {
        return (int) ((id - 1) % geography.size());
    }

    /**
     * The original updated_at (epoch seconds) of a property: nondecreasing in the id, on the hour,
     * within the year before the anchor day.
     */
    public long originalUpdatedAt(long id) {
        return anchorSecond - YEAR_SECONDS + (id - 1) * HOURS / count * 3_600;
    }

    /** A ZIP's per-area price factor (log-normal around 1, stable per seed). */
    public double zipFactor(int zipIndex) {
        SplittableRandom r = new SplittableRandom(Mix.of(seed, 0x5A1FL, zipIndex));
        return Math.exp(0.35 * r.nextGaussian(0, 1));
    }

    /** The area's median home value: the state's median times the ZIP's factor. */
    public long areaMedian(int zipIndex) {
        return roundPrice(StateMedians.of(geography.state(zipIndex)) * zipFactor(zipIndex));
    }

    /** Generates property {@code id} (1..count) as it was before any market change. */
    public PropertyRecord generate(long id) {
        SplittableRandom r = new SplittableRandom(Mix.of(seed, 0x9E37L, id));
        int zip = zipIndexOf(id);
        long ordinal = (id - 1) / geography.size();
        int type = pickType(r.nextDouble());
        int sqft =
                type == 5
                        ? 0
                        : (int)
                                clamp(
                                        TYPE_SQFT[type] * Math.exp(0.28 * r.nextGaussian()),
                                        400,
                                        12_000);
        int beds = bedsFor(type, sqft, r);
        double baths = bathsFor(type, beds, r);
        int lot =
                type == 1
                        ? 0
                        : (int)
                                clamp(
                                        TYPE_LOT[type] * Math.exp(0.45 * r.nextGaussian()),
                                        800,
                                        2_000_000);
        int year = type == 5 ? 0 : yearBuilt(r);
        long value = valueOf(type, sqft, lot, year, zip, r);
        String street =
                (100 + ordinal * 12 + r.nextInt(12))
                        + " "
                        + Names.STREETS[r.nextInt(Names.STREETS.length)]
                        + " "
                        + Names.SUFFIXES[r.nextInt(Names.SUFFIXES.length)];
        double lat = geography.lat(zip) + (r.nextDouble() - 0.5) * 0.04;
        double lng = geography.lng(zip) + (r.nextDouble() - 0.5) * 0.04;
        MarketState market = originalMarket(id, value, year, r);
        double assessmentRatio = 0.6 + 0.35 * r.nextDouble();
        long assessed = Math.round(value * assessmentRatio / 100.0) * 100;
        double taxRate =
                0.004 + 0.018 * new SplittableRandom(Mix.of(seed, 0x7A5L, zip)).nextDouble();
        return new PropertyRecord(
                id,
                zip,
                street,
                round4(lat),
                round4(lng),
                TYPES[type],
                market,
                beds,
                baths,
                sqft,
                lot,
                year,
                anchorYear - 1,
                assessed,
                Math.round(assessed * taxRate));
    }

    private MarketState originalMarket(long id, long value, int year, SplittableRandom r) {
        long updatedAt = originalUpdatedAt(id);
        double u = r.nextDouble();
        int saleDay = PropertyRecord.NO_DATE;
        long salePrice = 0;
        if (r.nextDouble() < 0.85) {
            int earliest = Math.max(year, 1990);
            int daysBack = 180 + r.nextInt(Math.max(1, (anchorYear - earliest) * 365));
            saleDay = anchorDay - daysBack;
            salePrice = roundPrice(value / Math.pow(1.045, daysBack / 365.0));
        }
        if (u < 0.12) {
            int dom = (int) Math.min(365, -Math.log(1 - r.nextDouble()) * 40);
            return new MarketState(
                    MarketState.ACTIVE,
                    roundPrice(value * (1.0 + 0.06 * r.nextDouble())),
                    anchorDay - dom,
                    saleDay,
                    salePrice,
                    updatedAt);
        }
        if (u < 0.16) {
            int dom = 10 + r.nextInt(80);
            return new MarketState(
                    MarketState.PENDING,
                    roundPrice(value * (1.0 + 0.04 * r.nextDouble())),
                    anchorDay - dom,
                    saleDay,
                    salePrice,
                    updatedAt);
        }
        if (u < 0.24) {
            long sold = roundPrice(value * (0.96 + 0.08 * r.nextDouble()));
            return new MarketState(
                    MarketState.SOLD,
                    sold,
                    PropertyRecord.NO_DATE,
                    anchorDay - 1 - r.nextInt(180),
                    sold,
                    updatedAt);
        }
        return new MarketState(
                MarketState.OFF_MARKET,
                roundPrice((double) value),
                PropertyRecord.NO_DATE,
                saleDay,
                salePrice,
                updatedAt);
    }

    private long valueOf(int type, int sqft, int lot, int year, int zip, SplittableRandom r) {
        double median = StateMedians.of(geography.state(zip)) * zipFactor(zip);
        double size = type == 5 ? Math.sqrt(lot / 43_560.0) : Math.pow(sqft / 1_800.0, 0.8);
        double age = type == 5 ? 1 : 1 + Math.max(0, year - 1970) * 0.003;
        return roundPrice(
                median * TYPE_PRICE[type] * size * age * Math.exp(0.12 * r.nextGaussian()));
    }

    private static int pickType(double u) {
        double acc = 0;
        for (int i = 0; i < TYPE_WEIGHTS.length; i++) {
            acc += TYPE_WEIGHTS[i];
            if (u < acc) {
                return i;
            }
        }
        return 0;
    }

    private static int bedsFor(int type, int sqft, SplittableRandom r) {
        if (type == 5) {
            return 0;
        }
        int beds = (int) Math.round(sqft / 620.0 + r.nextGaussian() * 0.6);
        return (int) clamp(beds, type == 1 ? 0 : 1, type == 3 ? 10 : 7);
    }

    private static double bathsFor(int type, int beds, SplittableRandom r) {
        if (type == 5) {
            return 0;
        }
        double baths = Math.max(1, beds * 0.6 + r.nextInt(3) * 0.5);
        return Math.min(8, Math.round(baths * 2) / 2.0);
    }

    private int yearBuilt(SplittableRandom r) {
        int latest = anchorYear - 1;
        return (int) clamp(1978 + 28 * r.nextGaussian(), 1880, latest);
    }

    static long roundPrice(double value) {
        return Math.max(1_000, Math.round(value / 1_000.0) * 1_000);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    static int yearOf(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).getYear();
    }
}
