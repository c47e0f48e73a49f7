package io.kalpana.reaper;

/** What one sweep did; {@code swept} is false when another instance held the sweep lease. */
public record SweepReport(boolean swept, int warned, int stopped, int deleted, int cleaned, int failed) {

    static SweepReport skipped() {
        return new SweepReport(false, 0, 0, 0, 0, 0);
    }
}
