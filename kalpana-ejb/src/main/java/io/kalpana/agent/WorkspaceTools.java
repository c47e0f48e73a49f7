package io.kalpana.agent;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The workspace as the agent's tools see it. Paths are relative to the workspace root.
 * A refused operation (missing file, no match, path outside the root) throws {@link WorkspaceToolException},
 * which the model gets to read; an unreachable workspace throws {@link WorkspaceUnreachableException},
 * which ends the turn.
 */
public interface WorkspaceTools {

    String readFile(String path);

    void writeFile(String path, String content);

    /** Replaces {@code search}, which must occur exactly once, by {@code replacement}. */
    void editFile(String path, String search, String replacement);

    /** Files and directories below {@code path} (directories end with '/'), sorted. */
    FileListing listFiles(String path);

    List<SearchHit> search(String regex);

    /** Starts a shell command in the workspace root; {@code output} receives stdout and stderr as they come. */
    RunningCommand runCommand(String command, Duration timeout, Consumer<String> output);
}
