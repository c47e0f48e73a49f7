package io.kalpana.agent;

import java.util.stream.Collectors;

/** The instructions every conversation starts with. */
final class SystemPrompt {

    private static final int MAX_LISTED_FILES = 100;

    private SystemPrompt() {
    }

    static String describe(WorkspaceContext context) {
        String files = context.topLevelFiles().isEmpty() ? "(empty)"
                : context.topLevelFiles().stream().limit(MAX_LISTED_FILES).collect(Collectors.joining(", "));
        return """
                You are Kalpana's coding agent, working inside a developer's cloud workspace (a Linux container).
                Workspace template: %s.
                Repository: %s.
                Top-level entries of the workspace root: %s.

                Use the tools to look before you change anything: list_files and search to find code, read_file
                before edit_file. edit_file replaces text that must occur exactly once, so copy it exactly.
                run_command runs a bash command in the workspace root; some commands are refused or need the
                user's approval, and a refusal is final, so choose another way instead of retrying.
                Paths are relative to the workspace root. Keep answers short and say what you changed.
                """.formatted(context.template().id(),
                context.repo().map(Object::toString).orElse("none (files were created from the template)"), files);
    }
}
