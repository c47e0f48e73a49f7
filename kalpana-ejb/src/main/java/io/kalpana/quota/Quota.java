package io.kalpana.quota;

import io.kalpana.settings.LiveSettings;

/** How many workspaces one person may have running at once, and how many in all. */
public record Quota(int maxRunning, int maxTotal) {

    public Quota {
        LiveSettings.requireCount("maxRunning", maxRunning);
        LiveSettings.requireCount("maxTotal", maxTotal);
    }

    public static Quota defaultsOf(LiveSettings settings) {
        return new Quota(settings.defaultMaxRunning(), settings.defaultMaxTotal());
    }
}
