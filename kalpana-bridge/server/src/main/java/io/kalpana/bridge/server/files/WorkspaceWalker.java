package io.kalpana.bridge.server.files;

import io.kalpana.bridge.server.ignore.IgnoreRules;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Depth-first, name-sorted walk that honours .gitignore and never follows directory symlinks
 * (they could lead outside the workspace or loop).
 */
public final class WorkspaceWalker {

    /** Receives each non-ignored entry; returning false stops the walk. */
    @FunctionalInterface
    public interface Visitor {
        boolean visit(Path path, BasicFileAttributes attributes, int depth);
    }

    private final Path root;

    public WorkspaceWalker(Path root) {
        this.root = root;
    }

    public void walk(Path start, int maxDepth, Visitor visitor) throws IOException {
        walk(start, IgnoreRules.forDirectory(root, start), 1, maxDepth, visitor);
    }

    private boolean walk(Path directory, IgnoreRules rules, int depth, int maxDepth, Visitor visitor)
            throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(children::add);
        }
        children.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path child : children) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                continue;
            }
            if (rules.isIgnored(child, attributes.isDirectory())) {
                continue;
            }
            if (!visitor.visit(child, attributes, depth)) {
                return false;
            }
            if (attributes.isDirectory() && depth < maxDepth) {
                boolean go = walk(child, rules.enter(child), depth + 1, maxDepth, visitor);
                if (!go) {
                    return false;
                }
            }
        }
        return true;
    }
}
