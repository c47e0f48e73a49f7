package io.kalpana.bridge.server.ignore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The .gitignore files in effect for one directory, outermost first. Deeper files override outer ones,
 * as in git. {@code .git} itself is always ignored.
 */
public final class IgnoreRules {

    private final List<IgnoreFile> files;

    private IgnoreRules(List<IgnoreFile> files) {
        this.files = List.copyOf(files);
    }

    public static IgnoreRules none() {
        return new IgnoreRules(List.of());
    }

    /** Rules for {@code directory}, loading every .gitignore from {@code root} down to it. */
    public static IgnoreRules forDirectory(Path root, Path directory) {
        IgnoreRules rules = none().enter(root);
        Path relative = root.relativize(directory);
        Path current = root;
        for (Path part : relative) {
            if (part.toString().isEmpty()) {
                continue;
            }
            current = current.resolve(part);
            rules = rules.enter(current);
        }
        return rules;
    }

    /** Rules for a subdirectory: these plus its own .gitignore, if it has one. */
    public IgnoreRules enter(Path directory) {
        Optional<IgnoreFile> own = IgnoreFile.load(directory);
        if (own.isEmpty()) {
            return this;
        }
        List<IgnoreFile> deeper = new ArrayList<>(files);
        deeper.add(own.get());
        return new IgnoreRules(deeper);
    }

    public IgnoreRules with(IgnoreFile file) {
        List<IgnoreFile> deeper = new ArrayList<>(files);
        deeper.add(file);
        return new IgnoreRules(deeper);
    }

    public boolean isIgnored(Path path, boolean isDirectory) {
        if (".git".equals(String.valueOf(path.getFileName()))) {
            return true;
        }
        boolean ignored = false;
        for (IgnoreFile file : files) {
            if (path.startsWith(file.directory())) {
                Optional<Boolean> verdict = file.verdict(path, isDirectory);
                if (verdict.isPresent()) {
                    ignored = verdict.get();
                }
            }
        }
        return ignored;
    }
}
