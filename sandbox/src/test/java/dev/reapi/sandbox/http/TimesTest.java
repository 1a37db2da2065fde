package dev.reapi.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written formatter agrees with java.time on random instants. */
class TimesTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void instantAndDate_randomValues_matchJavaTime(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 10_000; i++) {
            long second = r.nextLong(-2_208_988_800L, 253_402_300_799L);

            assertThat(Times.instant(second)).isEqualTo(Instant.ofEpochSecond(second).toString());
            assertThat(Times.date(Math.floorDiv(second, 86_400L)))
                    .isEqualTo(LocalDate.ofEpochDay(Math.floorDiv(second, 86_400L)).toString());
        }
    }
}
