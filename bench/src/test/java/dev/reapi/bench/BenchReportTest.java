package dev.reapi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

    @Test
    void replaceSection_missingFile_createsItWithHeaderAndSection(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("benchmarks.md");

        BenchReport.replaceSection(file, "client-overhead", "| a |\n");

        assertThat(Files.readString(file))
                .isEqualTo(
                        """
                        # reapi benchmarks

                        <!-- bench:client-overhead:start -->
                        | a |
                        <!-- bench:client-overhead:end -->
                        """);
    }

    @Test
    void replace_existingSection_keepsEveryOtherSection() {
        String text =
                """
                # h
                <!-- bench:other:start -->
                keep
                <!-- bench:other:end -->
                <!-- bench:mine:start -->
                old
                <!-- bench:mine:end -->
                tail
                """;

        String updated = BenchReport.replace(text, "mine", "new");

        assertThat(updated).isEqualTo(text.replace("old", "new"));
    }
}
