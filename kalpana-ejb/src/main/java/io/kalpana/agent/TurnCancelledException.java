package io.kalpana.agent;

/** Unwinds a turn that the user cancelled. */
final class TurnCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TurnCancelledException() {
        super("turn cancelled", null, false, false);
    }
}
