package dev.reapi.client.internal.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n"})
    void next_quotedFieldsWithCommasQuotesAndLineBreaks_areReadWhole(String lineEnd)
            throws IOException {
        String csv =
                "id,note"
                        + lineEnd
                        + "1,\"a, b\""
                        + lineEnd
                        + "2,\"say \"\"hi\"\"\""
                        + lineEnd
                        + "3,\"two"
                        + lineEnd
                        + "lines\""
                        + lineEnd
                        + "4,";

        List<List<String>> records = readAll(csv);

        assertThat(records)
                .containsExactly(
                        List.of("id", "note"),
                        List.of("1", "a, b"),
                        List.of("2", "say \"hi\""),
                        List.of("3", "two" + lineEnd + "lines"),
                        List.of("4", ""));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void next_generatedRecords_roundTrip(long seed) throws IOException {
        Random random = new Random(seed);
        List<List<String>> expected = new ArrayList<>();
        StringBuilder csv = new StringBuilder();
        for (int r = 0; r < 50; r++) {
            List<String> record = new ArrayList<>();
            int fields = 1 + random.nextInt(4);
            for (int f = 0; f < fields; f++) {
                String value = randomField(random);
                record.add(value);
                csv.append(f > 0 ? "," : "").append(encode(value));
            }
            expected.add(record);
            csv.append(random.nextBoolean() ? "\r\n" : "\n");
        }

        assertThat(readAll(csv.toString())).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,\"open", "\"never closed\n2,3\n"})
    void next_unclosedQuote_failsNamingTheRecord(String csv) {
        assertThatThrownBy(() -> readAll(csv))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("record 1")
                .hasMessageContaining("never closed");
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L, 42L, 2024L);
    }

    private static String randomField(Random random) {
        String alphabet = "ab1,\"\n\r x";
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String encode(String value) {
        boolean quote =
                value.isEmpty()
                        || value.contains(",")
                        || value.contains("\"")
                        || value.contains("\n")
                        || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static List<List<String>> readAll(String csv) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(csv))) {
            List<String> record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }
}
