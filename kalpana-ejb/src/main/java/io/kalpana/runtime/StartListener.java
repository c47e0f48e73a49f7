package io.kalpana.runtime;

/** Follows a start: the steps as they begin, and the work that may overlap the IDE's boot. */
public interface StartListener {

    StartListener NONE = new StartListener() {
    };

    default void step(StartStep step) {
    }

    /**
     * Runs once the container is up, while the IDE is still booting, so first-start work on a new volume
     * (template files, clone) costs no extra time. The start waits for both before it counts as done.
     */
    default void whileBooting(boolean volumeCreated) {
    }
}
