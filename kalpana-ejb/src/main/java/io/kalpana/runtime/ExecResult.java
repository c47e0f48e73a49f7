package io.kalpana.runtime;

/** How a command run inside a workspace ended, with the tail of what it printed. */
public record ExecResult(int exitCode, String output) {

    /** The exit status of coreutils' timeout when it had to stop the command. */
    public static final int TIMED_OUT = 124;

    public boolean succeeded() {
        return exitCode == 0;
    }

    public boolean timedOut() {
        return exitCode == TIMED_OUT || exitCode == 128 + 9;
    }
}
