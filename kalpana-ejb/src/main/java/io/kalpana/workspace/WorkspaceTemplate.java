package io.kalpana.workspace;

import io.kalpana.problem.KalpanaException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The starter a workspace begins from. */
public enum WorkspaceTemplate {
    BLANK("blank"),
    JAVA_MAVEN("java-maven"),
    NODE("node"),
    PYTHON("python");

    private final String id;

    WorkspaceTemplate(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static WorkspaceTemplate fromId(String id) {
        if (id == null || id.isBlank()) {
            return BLANK;
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst().orElseThrow(() ->
                KalpanaException.invalid("unknown_template", "There is no template '" + id + "'; choose one of "
                        + Arrays.stream(values()).map(WorkspaceTemplate::id).collect(Collectors.joining(", "))));
    }
}
