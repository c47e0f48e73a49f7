package io.kalpana.web.admin;

import io.kalpana.web.problem.PageMessages;
import io.kalpana.identity.Caller;
import io.kalpana.settings.LiveSettings;
import io.kalpana.settings.SettingsService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Duration;

/**
 * The console's settings section: the reaper's timings and the default quotas, stored in the database by
 * {@link SettingsService} and used by every instance from the next sweep or start on, without a restart.
 * Durations are edited as ISO-8601 text (PT30M), the notation of the configuration file.
 */
@Named
@ViewScoped
public class AdminSettingsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SettingsService settings;

    @Inject
    transient Caller caller;

    private String idleTimeout;
    private String warnBefore;
    private String maxLifetime;
    private String stoppedRetention;
    private int defaultMaxRunning;
    private int defaultMaxTotal;

    @PostConstruct
    void load() {
        try {
            show(settings.current());
        } catch (RuntimeException e) {
            PageMessages.failed("reading the settings", e);
        }
    }

    public void save() {
        try {
            LiveSettings changed = new LiveSettings(LiveSettings.parse("Idle timeout", idleTimeout),
                    LiveSettings.parse("Warn before", warnBefore),
                    LiveSettings.parseOptional("Maximum lifetime", maxLifetime),
                    LiveSettings.parseOptional("Stopped retention", stoppedRetention), defaultMaxRunning, defaultMaxTotal);
            show(settings.update(caller, changed));
            PageMessages.info("Settings saved; every Kalpana instance uses them from now on");
        } catch (RuntimeException e) {
            PageMessages.failed("saving the settings", e);
        }
    }

    public void reset() {
        try {
            show(settings.reset(caller));
            PageMessages.info("Settings are back to the configured defaults");
        } catch (RuntimeException e) {
            PageMessages.failed("resetting the settings", e);
        }
    }

    private void show(LiveSettings current) {
        idleTimeout = current.idleTimeout().toString();
        warnBefore = current.warnBefore().toString();
        maxLifetime = current.maxLifetime().map(Duration::toString).orElse("");
        stoppedRetention = current.stoppedRetention().map(Duration::toString).orElse("");
        defaultMaxRunning = current.defaultMaxRunning();
        defaultMaxTotal = current.defaultMaxTotal();
    }

    public String getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(String idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public String getWarnBefore() {
        return warnBefore;
    }

    public void setWarnBefore(String warnBefore) {
        this.warnBefore = warnBefore;
    }

    public String getMaxLifetime() {
        return maxLifetime;
    }

    public void setMaxLifetime(String maxLifetime) {
        this.maxLifetime = maxLifetime;
    }

    public String getStoppedRetention() {
        return stoppedRetention;
    }

    public void setStoppedRetention(String stoppedRetention) {
        this.stoppedRetention = stoppedRetention;
    }

    public int getDefaultMaxRunning() {
        return defaultMaxRunning;
    }

    public void setDefaultMaxRunning(int defaultMaxRunning) {
        this.defaultMaxRunning = defaultMaxRunning;
    }

    public int getDefaultMaxTotal() {
        return defaultMaxTotal;
    }

    public void setDefaultMaxTotal(int defaultMaxTotal) {
        this.defaultMaxTotal = defaultMaxTotal;
    }
}
