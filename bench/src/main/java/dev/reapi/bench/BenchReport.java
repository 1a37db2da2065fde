package dev.reapi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces one section of {@code docs/benchmarks.md} in place, leaving every other section as it
 * is. A section lies between {@code <!-- bench:NAME:start -->} and {@code <!-- bench:NAME:end -->};
 * a missing section is appended, a missing file is created with a one-line header.
 */
public final class BenchReport {

    /** The first line of a newly created report. */
    public static final String HEADER = "# reapi benchmarks";

    private BenchReport() {}

    /**
     * Writes {@code body} as the section {@code name} of {@code file}, atomically.
     *
     * @throws IOException when the file cannot be read or written
     */
    public static void replaceSection(Path file, String name, String body) throws IOException {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("section name must be [a-z0-9-]+, got " + name);
        }
        String current =
                Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : HEADER + "\n";
        String updated = replace(current, name, body);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".benchmarks", ".tmp");
        Files.writeString(temp, updated, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@code text} with the section {@code name} replaced by (or appended as) {@code body}. */
    public static String replace(String text, String name, String body) {
        String start = "<!-- bench:" + name + ":start -->";
        String end = "<!-- bench:" + name + ":end -->";
        String section = start + "\n" + body.strip() + "\n" + end;
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            return text.substring(0, from) + section + text.substring(to + end.length());
        }
        String separator = text.endsWith("\n") ? "\n" : "\n\n";
        return text + separator + section + "\n";
    }
}
