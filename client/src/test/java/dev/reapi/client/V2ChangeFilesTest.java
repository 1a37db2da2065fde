package dev.reapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.client.model.ChangeFile;
import dev.reapi.client.model.ChangeRow;
import dev.reapi.client.testing.MutableClock;
import dev.reapi.client.testing.V2Stub;
import dev.reapi.client.testing.V2Stub.Reply;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ChangeFiles links, streamed CSV rows and expired links on v2. */
class V2ChangeFilesTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 15);
    private static final String MODIFY_PATH = "/_files/change/20240115/20240115_modify.csv";

    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-16T00:10:00Z"));
    private V2Stub stub;
    private RealEstateApiClient client;

    @BeforeEach
    void start() {
        stub = V2Stub.start();
        client =
                RealEstateApiClient.builder()
                        .provider(Provider.V2)
                        .apiKey(V2Stub.API_KEY)
                        .baseUrl(stub.baseUrl())
                        .clock(clock)
                        .build();
        stub.on("/v2/ChangeFiles", Reply.ok(links(), "\"resultCount\":3,\"recordCount\":0"));
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    @Test
    void changeFiles_day_listsTypedLinksInKindOrder() {
        List<ChangeFile> files = client.changeFiles(DAY);

        assertThat(files)
                .extracting(ChangeFile::kind)
                .containsExactly(
                        ChangeFile.Kind.NEW, ChangeFile.Kind.MODIFIED, ChangeFile.Kind.DELETED);
        assertThat(files.get(1).downloadUrl()).endsWith(MODIFY_PATH + "?expires=1&sig=ab");
        assertThat(files.get(1).expiresAt()).isEqualTo(Instant.parse("2024-01-16T01:00:00Z"));
        assertThat(files.get(1).day()).isEqualTo(DAY);
        assertThat(stub.requests("/v2/ChangeFiles").getFirst().body())
                .isEqualTo("{\"file_date\":\"2024-01-15\"}");
    }

    @Test
    void changeFiles_dayWithoutFiles_throwsNotFoundWithTheReason() {
        stub.on(
                "/v2/ChangeFiles",
                Reply.ok(
                        "{\"success\":false,\"reason\":\"No change files found for date"
                                + " 2024-01-16\"}",
                        ""));

        assertThatThrownBy(() -> client.changeFiles(DAY.plusDays(1)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("No change files found for date 2024-01-16");
    }

    @Test
    void streamChangeFile_largeFile_streamsEveryRowWithoutBufferingIt() {
        long rows = 200_000;
        AtomicLong written = new AtomicLong();
        stub.stream(
                MODIFY_PATH,
                out -> {
                    Writer writer =
                            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    writer.write("id,lastUpdateDate\n");
                    for (long id = 1; id <= rows; id++) {
                        writer.write(id + ",2024-01-15T13:00:00.000Z\n");
                        written.incrementAndGet();
                    }
                    writer.flush();
                });
        ChangeFile modified = client.changeFiles(DAY).get(1);

        long count;
        long modifiedCount;
        try (Stream<ChangeRow> stream = client.streamChangeFile(modified)) {
            long[] counts = new long[2];
            stream.forEach(
                    row -> {
                        counts[0]++;
                        if (row.kind() == ChangeFile.Kind.MODIFIED
                                && row.propertyId().equals(String.format("P%09d", counts[0]))) {
                            counts[1]++;
                        }
                    });
            count = counts[0];
            modifiedCount = counts[1];
        }

        assertThat(count).isEqualTo(rows);
        assertThat(modifiedCount).isEqualTo(rows);
        assertThat(written.get()).isEqualTo(rows);
    }

    @Test
    void streamChangeFile_firstRowsOnly_readsLazilyAndCloses() {
        stub.stream(
                MODIFY_PATH,
                out ->
                        out.write(
                                "id,lastUpdateDate\r\n42,2024-01-15T13:00:00.000Z\r\n43,\r\n"
                                        .getBytes(StandardCharsets.UTF_8)));
        ChangeFile modified = client.changeFiles(DAY).get(1);

        List<ChangeRow> first;
        try (Stream<ChangeRow> stream = client.streamChangeFile(modified)) {
            first = stream.limit(2).toList();
        }

        assertThat(first)
                .containsExactly(
                        new ChangeRow(
                                ChangeFile.Kind.MODIFIED,
                                "P000000042",
                                Instant.parse("2024-01-15T13:00:00Z")),
                        new ChangeRow(ChangeFile.Kind.MODIFIED, "P000000043", null));
    }

    @Test
    void streamChangeFile_linkTheHostCallsExpired_throwsTyped() {
        stub.on(
                MODIFY_PATH,
                Reply.json(
                        403,
                        "<Error><Code>AccessDenied</Code><Message>Request has expired"
                                + "</Message></Error>"));
        ChangeFile modified = client.changeFiles(DAY).get(1);

        assertThatThrownBy(() -> client.streamChangeFile(modified))
                .isInstanceOf(ChangeFileExpiredException.class)
                .hasMessageContaining("AccessDenied (Request has expired)")
                .hasMessageContaining("request fresh links");
    }

    @Test
    void streamChangeFile_afterExpiresAt_throwsWithoutDownloading() {
        ChangeFile modified = client.changeFiles(DAY).get(1);
        clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> client.streamChangeFile(modified))
                .isInstanceOf(ChangeFileExpiredException.class)
                .hasMessageContaining("expired at 2024-01-16T01:00:00Z");
        assertThat(stub.requests(MODIFY_PATH)).isEmpty();
    }

    @Test
    void changeFiles_onV1_pointsToTheUpdatedFeed() {
        try (RealEstateApiClient v1 =
                RealEstateApiClient.builder().apiKey("k").baseUrl(stub.baseUrl()).build()) {
            assertThatThrownBy(() -> v1.changeFiles(DAY))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("updatedSince");
            assertThatThrownBy(() -> v1.keyInfo())
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("Provider.V2");
        }
    }

    private String links() {
        StringBuilder files = new StringBuilder();
        for (String kind : List.of("new", "modify", "delete")) {
            String path = "/_files/change/20240115/20240115_" + kind + ".csv";
            files.append(files.isEmpty() ? "" : ",")
                    .append("{\"filename\":\"20240115_")
                    .append(kind)
                    .append(".csv\",\"size\":3,\"sizeDisplay\":\"3B\",")
                    .append("\"lastModified\":\"2024-01-16T00:00:00.000Z\",\"downloadUrl\":\"")
                    .append(stub.baseUrl())
                    .append(path)
                    .append("?expires=1&sig=ab\",\"expiresAt\":\"2024-01-16T01:00:00.000Z\"}");
        }
        return "{\"success\":true,\"fileCount\":3,\"summary\":{\"new\":0,\"modified\":2,"
                + "\"deleted\":0},\"files\":["
                + files
                + "]}";
    }
}
