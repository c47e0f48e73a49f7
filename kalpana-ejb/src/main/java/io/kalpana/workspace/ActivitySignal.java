package io.kalpana.workspace;

/** The kinds of use that keep a workspace from counting as idle. */
public enum ActivitySignal {
    /** code-server reported a heartbeat from an open editor. */
    IDE,
    /** Requests through Kalpana's IDE proxy at /w/{id}/ide/. */
    IDE_PROXY,
    /** An agent turn was running. */
    AGENT_TURN,
    /** The bridge ran a command or file operation. */
    BRIDGE_COMMAND,
    /** The owner asked to keep the workspace running. */
    KEEP_RUNNING,
    /** The workspace was started. */
    STARTED
}
