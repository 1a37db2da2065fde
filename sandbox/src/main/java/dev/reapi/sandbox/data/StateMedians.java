package dev.reapi.sandbox.data;

import java.util.Map;

/**
 * Median value of owner-occupied homes by state, in US dollars, rounded to the nearest thousand.
 * Source: U.S. Census Bureau, American Community Survey 2022 1-year estimates, table B25077
 * ("Median value (dollars)"), as remembered to within a few percent: the sandbox needs the shape of
 * the market (Hawaii dear, West Virginia cheap), not the exact figure.
 */
final class StateMedians {
    private static final long NATIONAL = 321_000;

    private static final Map<String, Long> BY_STATE =
            Map.ofEntries(
                    Map.entry("AL", 201_000L),
                    Map.entry("AK", 337_000L),
                    Map.entry("AZ", 403_000L),
                    Map.entry("AR", 180_000L),
                    Map.entry("CA", 716_000L),
                    Map.entry("CO", 560_000L),
                    Map.entry("CT", 343_000L),
                    Map.entry("DE", 338_000L),
                    Map.entry("DC", 725_000L),
                    Map.entry("FL", 354_000L),
                    Map.entry("GA", 307_000L),
                    Map.entry("HI", 844_000L),
                    Map.entry("ID", 426_000L),
                    Map.entry("IL", 252_000L),
                    Map.entry("IN", 202_000L),
                    Map.entry("IA", 190_000L),
                    Map.entry("KS", 198_000L),
                    Map.entry("KY", 192_000L),
                    Map.entry("LA", 200_000L),
                    Map.entry("ME", 291_000L),
                    Map.entry("MD", 398_000L),
                    Map.entry("MA", 569_000L),
                    Map.entry("MI", 218_000L),
                    Map.entry("MN", 306_000L),
                    Map.entry("MS", 162_000L),
                    Map.entry("MO", 213_000L),
                    Map.entry("MT", 367_000L),
                    Map.entry("NE", 223_000L),
                    Map.entry("NV", 430_000L),
                    Map.entry("NH", 399_000L),
                    Map.entry("NJ", 429_000L),
                    Map.entry("NM", 242_000L),
                    Map.entry("NY", 403_000L),
                    Map.entry("NC", 281_000L),
                    Map.entry("ND", 243_000L),
                    Map.entry("OH", 199_000L),
                    Map.entry("OK", 177_000L),
                    Map.entry("OR", 476_000L),
                    Map.entry("PA", 241_000L),
                    Map.entry("RI", 387_000L),
                    Map.entry("SC", 256_000L),
                    Map.entry("SD", 237_000L),
                    Map.entry("TN", 284_000L),
                    Map.entry("TX", 275_000L),
                    Map.entry("UT", 503_000L),
                    Map.entry("VT", 302_000L),
                    Map.entry("VA", 361_000L),
                    Map.entry("WA", 570_000L),
                    Map.entry("WV", 155_000L),
                    Map.entry("WI", 247_000L),
                    Map.entry("WY", 294_000L));

    private StateMedians() {}

    /** The state's median home value; the national one for an unknown state. */
    static long of(String state) {
        return BY_STATE.getOrDefault(state, NATIONAL);
    }
}
