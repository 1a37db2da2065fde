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
                        "# reapi benchmarks\n\n<!-- bench:client-overhead:start -->\n| a |\n"
                                + "<!-- bench:client-overhead:end -->\n");
    }

    @Test
    void replace_existingSection_keepsEveryOtherSection() {
        String text =
                "# h\n<!-- bench:other:start -->\nkeep\n<!-- bench:other:end -->\n"
                        + "<!-- bench:mine:start -->\nold\n<!-- bench:mine:end -->\ntail\n";

        String updated = BenchReport.replace(text, "mine", "new");

        assertThat(updated)
                .isEqualTo(
                        "# h\n"
                                + "<!-- bench:other:start -->\n"
                                + "keep\n"
                                + "<!-- bench:other:end -->\n"
                                + "<!-- bench:mine:start -->\n"
                                + "new\n"
                                + "<!-- bench:mine:end -->\n"
                                + "tail\n");
    }
}
