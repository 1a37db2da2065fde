package dev.reapi.gateway.adapter.out.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.client.Provider;
import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.model.ChangeFile;
import dev.reapi.client.model.ChangeRow;
import dev.reapi.gateway.application.port.out.ChangeFileLinkExpired;
import dev.reapi.gateway.application.port.out.UpstreamFailure;
import dev.reapi.gateway.testing.MutableClock;
import dev.reapi.sandbox.MarketChange;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The change-file adapter against the sandbox over HTTP, on v2. */
class ClientChangeFilesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-10T12:00:00Z"));
    private Sandbox sandbox;
    private RealEstateApiClient client;
    private ClientChangeFiles files;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withProperties(50).withClock(clock));
        client = client(sandbox.baseUrl());
        files = new ClientChangeFiles(client, new ClientPropertySource(client, clock));
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void files_ofYesterday_listNewModifiedDeletedAndTheirRowsNameTheDaysChanges() {
        List<MarketChange> moved = sandbox.tick(5);
        clock.advance(Duration.ofHours(13));
        LocalDate day = LocalDate.of(2026, 11, 10);

        List<ChangeFile> listed = files.files(day).orElseThrow();

        assertThat(listed)
                .extracting(ChangeFile::kind)
                .containsExactly(
                        ChangeFile.Kind.NEW, ChangeFile.Kind.MODIFIED, ChangeFile.Kind.DELETED);
        try (Stream<ChangeRow> rows = files.rows(listed.get(1))) {
            assertThat(rows.map(ChangeRow::propertyId))
                    .containsExactlyInAnyOrderElementsOf(
                            moved.stream().map(MarketChange::propertyId).distinct().toList());
        }
    }

    @Test
    void files_ofToday_isEmpty() {
        assertThat(files.files(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))).isEmpty();
    }

    @Test
    void rows_afterTheLinkExpired_isChangeFileLinkExpired() {
        ChangeFile file = files.files(LocalDate.of(2026, 11, 9)).orElseThrow().get(1);
        clock.advance(Duration.ofHours(2));

        assertThatThrownBy(() -> files.rows(file).toList())
                .isInstanceOf(ChangeFileLinkExpired.class)
                .hasMessageContaining(file.filename());
    }

    @Test
    void files_upstreamUnreachable_isUpstreamFailure() {
        try (RealEstateApiClient unreachable = client("http://127.0.0.1:9")) {
            var down =
                    new ClientChangeFiles(
                            unreachable, new ClientPropertySource(unreachable, clock));

            assertThatThrownBy(() -> down.files(LocalDate.of(2026, 11, 9)))
                    .isInstanceOfSatisfying(
                            UpstreamFailure.class,
                            f -> assertThat(f.kind()).isEqualTo(UpstreamFailure.Kind.UNAVAILABLE));
        }
    }

    private RealEstateApiClient client(String baseUrl) {
        return RealEstateApiClient.builder()
                .provider(Provider.V2)
                .apiKey("sandbox")
                .baseUrl(baseUrl)
                .maxAttempts(1)
                .withoutCircuitBreaker()
                .clock(clock)
                .build();
    }
}
