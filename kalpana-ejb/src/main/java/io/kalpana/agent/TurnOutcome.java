package io.kalpana.agent;

/** How a turn ended. */
public enum TurnOutcome {
    /** The model answered without asking for more tools. */
    COMPLETED,
    /** The user cancelled it. */
    CANCELLED,
    /** The model kept calling tools until kalpana.agent.max-steps. */
    STEP_LIMIT,
    /** The model endpoint or the workspace failed; an error event said why. */
    FAILED
}
