package dev.reapi.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.client.model.ChangeFile;
import dev.reapi.client.model.ChangeRow;
import dev.reapi.client.testing.MutableClock;
import dev.reapi.client.testing.SandboxFixture;
import dev.reapi.sandbox.MarketChange;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Market changes of one day reach the next day's v2 change file. A sandbox of its own, because the
 * test moves the clock past midnight, which the shared sandbox's users must not see.
 */
class V2MarketChangeFilesSandboxTest {

    private static final Instant START = Instant.parse("2026-12-01T22:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private Sandbox sandbox;
    private RealEstateApiClient client;

    @BeforeEach
    void start() {
        sandbox =
                Sandbox.start(
                        SandboxOptions.defaults()
                                .withPort(0)
                                .withProperties(300)
                                .withApiKeys(Set.of(SandboxFixture.API_KEY))
                                .withClock(clock));
        client =
                RealEstateApiClient.builder()
                        .provider(Provider.V2)
                        .apiKey(SandboxFixture.API_KEY)
                        .baseUrl(sandbox.baseUrl())
                        .clock(clock)
                        .build();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void changeFiles_dayOfMarketTicks_listsEveryTickedPropertyOnceNextDay() {
        LocalDate day = LocalDate.ofInstant(START, ZoneOffset.UTC);
        List<MarketChange> changes = sandbox.tick(20);
        clock.advance(Duration.ofMinutes(30));
        changes = Stream.concat(changes.stream(), sandbox.tick(20).stream()).toList();
        clock.advance(Duration.ofHours(3));

        List<ChangeFile> files = client.changeFiles(day);
        List<ChangeRow> rows;
        try (Stream<ChangeRow> stream = client.streamChangeFile(files.get(1))) {
            rows = stream.toList();
        }

        List<String> ticked = changes.stream().map(MarketChange::propertyId).distinct().toList();
        assertThat(rows).extracting(ChangeRow::propertyId).doesNotHaveDuplicates();
        assertThat(rows).extracting(ChangeRow::propertyId).containsAll(ticked);
        for (MarketChange change : changes) {
            Instant latest =
                    changes.stream()
                            .filter(c -> c.propertyId().equals(change.propertyId()))
                            .map(MarketChange::changedAt)
                            .max(Instant::compareTo)
                            .orElseThrow();
            assertThat(rows)
                    .filteredOn(r -> r.propertyId().equals(change.propertyId()))
                    .singleElement()
                    .satisfies(r -> assertThat(r.lastUpdateDate()).isEqualTo(latest));
        }
    }
}
