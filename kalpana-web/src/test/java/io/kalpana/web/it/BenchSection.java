package io.kalpana.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One benchmark's part of the report: printed, and kept as {@code bench-<name>.md} beside its JSON, because
 * the build's output interleaves the benchmark's lines with the server's log and cannot be read back reliably.
 */
final class BenchSection {

    private BenchSection() {
    }

    static void write(String title, CharSequence table) {
        System.out.println("\n" + title + ":\n" + table);
        String name = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        // A benchmark running inside the server (the port allocator's) knows the directory as Kalpana's data dir.
        String directory = System.getProperty("kalpana.test.dataDir", System.getProperty("kalpana.data.dir", "target"));
        Path out = Path.of(directory, "bench-" + name + ".md");
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, "## " + title + "\n\n" + table.toString().strip() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }
}
