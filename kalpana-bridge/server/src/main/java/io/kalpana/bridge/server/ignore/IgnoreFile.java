package io.kalpana.bridge.server.ignore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The patterns of one .gitignore, with the directory they are relative to. */
public record IgnoreFile(Path directory, List<IgnorePattern> patterns) {

    public static IgnoreFile parse(Path directory, List<String> lines) {
        return new IgnoreFile(directory, lines.stream().map(IgnorePattern::parse)
                .flatMap(Optional::stream).toList());
    }

    /** An unreadable .gitignore is treated as absent: listing should not fail because of it. */
    public static Optional<IgnoreFile> load(Path directory) {
        Path file = directory.resolve(".gitignore");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(directory, Files.readAllLines(file, StandardCharsets.UTF_8)));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The verdict of the last matching pattern, or empty when none matches. */
    Optional<Boolean> verdict(Path path, boolean isDirectory) {
        String relative = directory.relativize(path).toString().replace('\\', '/');
        String name = path.getFileName().toString();
        Optional<Boolean> verdict = Optional.empty();
        for (IgnorePattern pattern : patterns) {
            if (pattern.matches(relative, name, isDirectory)) {
                verdict = Optional.of(!pattern.negated());
            }
        }
        return verdict;
    }
}
