package io.kalpana.runtime;

/** The steps of a start a person waiting for it is shown, in their words. */
public enum StartStep {
    WAITING_FOR_TURN("waiting for other workspaces to finish starting"),
    LEASING_PORTS("reserving ports"),
    CREATING_CONTAINER("creating the container"),
    STARTING_CONTAINER("starting the container"),
    WAITING_FOR_IDE("waiting for VS Code to answer"),
    PREPARING_FILES("cloning the repository while VS Code starts");

    private final String description;

    StartStep(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
