package io.kalpana.agent;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

import java.util.List;

/** The tools the model is offered, with the descriptions it reads to choose one. */
final class ToolCatalog {

    static final String READ_FILE = "read_file";
    static final String WRITE_FILE = "write_file";
    static final String EDIT_FILE = "edit_file";
    static final String LIST_FILES = "list_files";
    static final String SEARCH = "search";
    static final String RUN_COMMAND = "run_command";

    private ToolCatalog() {
    }

    static List<ToolSpecification> specifications() {
        return List.of(
                tool(READ_FILE, "Read a text file of the workspace.", JsonObjectSchema.builder()
                        .addStringProperty("path", "file path relative to the workspace root")
                        .required("path").build()),
                tool(WRITE_FILE, "Create or overwrite a file with the given content.", JsonObjectSchema.builder()
                        .addStringProperty("path", "file path relative to the workspace root")
                        .addStringProperty("content", "the complete new content")
                        .required("path", "content").build()),
                tool(EDIT_FILE, "Replace one exact occurrence of a text in a file.", JsonObjectSchema.builder()
                        .addStringProperty("path", "file path relative to the workspace root")
                        .addStringProperty("search", "exact text to replace; must occur exactly once")
                        .addStringProperty("replace", "the text to put in its place")
                        .required("path", "search", "replace").build()),
                tool(LIST_FILES, "List files and directories below a directory (3 levels).", JsonObjectSchema.builder()
                        .addStringProperty("path", "directory relative to the workspace root; '.' for the root")
                        .build()),
                tool(SEARCH, "Search all files for a regular expression; returns path:line: text.",
                        JsonObjectSchema.builder()
                        .addStringProperty("pattern", "regular expression")
                        .required("pattern").build()),
                tool(RUN_COMMAND, "Run a bash command in the workspace root and return its exit code and output.",
                        JsonObjectSchema.builder()
                        .addStringProperty("command", "the bash command line")
                        .required("command").build()));
    }

    private static ToolSpecification tool(String name, String description, JsonObjectSchema parameters) {
        return ToolSpecification.builder().name(name).description(description).parameters(parameters).build();
    }
}
