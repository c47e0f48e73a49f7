package io.kalpana.runtime;

import io.kalpana.workspace.WorkspaceTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The starter files of a template, read from {@code templates/<id>/} on the class path. Each template's
 * {@code manifest} maps a resource to its path in the workspace, because build tools drop or hide
 * dot-files such as {@code .gitignore} when they sit in resources under their real names.
 */
final class TemplateFiles {

    private static final String ROOT = "templates/";

    private TemplateFiles() {
    }

    static List<WorkspaceFile> of(WorkspaceTemplate template) {
        String directory = ROOT + template.id() + "/";
        List<WorkspaceFile> files = new ArrayList<>();
        for (String line : lines(directory + "manifest")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalStateException("Malformed line in " + directory + "manifest: " + line);
            }
            files.add(new WorkspaceFile(parts[1], bytes(directory + parts[0])));
        }
        return files;
    }

    private static List<String> lines(String resource) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = TemplateFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Template resource " + resource + " is missing from the Kalpana build");
        }
        return in;
    }
}
