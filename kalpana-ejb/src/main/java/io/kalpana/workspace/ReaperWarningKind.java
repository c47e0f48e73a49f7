package io.kalpana.workspace;

/** Why the reaper warned a workspace's owner; the kind decides whether "Keep running" can avert it. */
public enum ReaperWarningKind {
    /** No sign of use: it will be stopped unless used or kept running. */
    IDLE,
    /** It reaches the maximum lifetime: it will be stopped whatever happens. */
    LIFETIME,
    /** Stopped for the retention period: it will be deleted unless started or kept. */
    DELETION;

    public boolean avertable() {
        return this != LIFETIME;
    }
}
