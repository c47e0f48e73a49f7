package io.kalpana.runtime;

/** Follows a start: the steps as they begin, and the work that may overlap the IDE's boot. */
public interface StartListener {

    StartListener NONE = new StartListener() {
    };

    default void step(StartStep step) {
    }

    /**
     * Runs once the container is up, while the IDE is still booting, so first-start work (a clone) costs no extra
     * time. The start waits for both before it counts as done.
     *
     * @param filling whether this start placed the launch's first files: the workspace is being filled for the first time
     * @param secrets the ones the container runs with, to be kept before the workspace counts as running
     */
    default void whileBooting(boolean filling, WorkspaceSecrets secrets) {
    }
}
