package io.kalpana.web.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests keep what they write (stores, keys, Git repositories): below the build's {@code target/}, so a run
 * started from any directory or profile never leaves such files where git would pick them up.
 */
final class TestData {

    private TestData() {
    }

    /** A new directory of its own for one test's data, named after {@code prefix}. */
    static Path newDirectory(String prefix) throws IOException {
        Path root = Path.of(System.getProperty("kalpana.test.dataDir", "target/it-data")).toAbsolutePath();
        return Files.createTempDirectory(Files.createDirectories(root), prefix);
    }
}
