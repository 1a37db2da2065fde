package dev.reapi.sandbox.http;

/**
 * Fast RFC 3339 formatting of UTC instants at second precision and of dates: the property writer's
 * hot path avoids {@code DateTimeFormatter}.
 */
final class Times {
    private Times() {}

    /** {@code yyyy-MM-ddTHH:mm:ssZ} for an epoch second (years 0..9999). */
    static String instant(long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        char[] out = new char[20];
        writeDate(out, day);
        out[10] = 'T';
        two(out, 11, secondOfDay / 3_600);
        out[13] = ':';
        two(out, 14, secondOfDay / 60 % 60);
        out[16] = ':';
        two(out, 17, secondOfDay % 60);
        out[19] = 'Z';
        return new String(out);
    }

    /** {@code yyyy-MM-dd} for an epoch day (years 0..9999). */
    static String date(long epochDay) {
        char[] out = new char[10];
        writeDate(out, epochDay);
        return new String(out);
    }

    private static void writeDate(char[] out, long epochDay) {
        // Civil-from-days (proleptic Gregorian), as in Howard Hinnant's date algorithms.
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        int y = (int) (yoe + era * 400 + (m <= 2 ? 1 : 0));
        two(out, 0, y / 100);
        two(out, 2, y % 100);
        out[4] = '-';
        two(out, 5, m);
        out[7] = '-';
        two(out, 8, d);
    }

    private static void two(char[] out, int at, int value) {
        out[at] = (char) ('0' + value / 10);
        out[at + 1] = (char) ('0' + value % 10);
    }
}
