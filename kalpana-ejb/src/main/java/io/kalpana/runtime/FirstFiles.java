package io.kalpana.runtime;

import java.util.List;

/**
 * Files a runtime places in {@code /workspace} before the IDE starts, so that it opens on them: a new workspace's
 * starter files. They go into a volume the start creates, and into an existing one only when
 * {@code evenIntoExistingVolume} (a workspace that never ran, whose first start was cut short after its volume was made).
 */
public record FirstFiles(List<WorkspaceFile> files, boolean evenIntoExistingVolume) {

    public static final FirstFiles NONE = new FirstFiles(List.of(), false);

    public FirstFiles {
        files = List.copyOf(files);
    }

    /** Whether a start whose volume is new ({@code volumeCreated}) places these files. */
    public boolean placedWhen(boolean volumeCreated) {
        return volumeCreated || evenIntoExistingVolume;
    }
}
