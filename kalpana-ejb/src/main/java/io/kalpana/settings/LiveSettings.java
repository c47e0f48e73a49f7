package io.kalpana.settings;

import io.kalpana.problem.KalpanaException;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings an administrator may change at run time. Invalid combinations are refused here, so neither
 * configuration nor the admin console can give the reaper a warning that comes after the stop.
 *
 * @param idleTimeout       a running workspace without any sign of use for this long is stopped
 * @param warnBefore        how long before that stop (and before a retention deletion) the owner is warned
 * @param maxLifetime       a workspace running this long is stopped even when in use; empty: no limit
 * @param stoppedRetention  a workspace stopped this long is deleted (after a warning); empty: never
 * @param defaultMaxRunning workspaces one person may have running at once, unless an admin set their own
 * @param defaultMaxTotal   workspaces one person may have in all, unless an admin set their own
 */
public record LiveSettings(Duration idleTimeout, Duration warnBefore, Optional<Duration> maxLifetime,
                           Optional<Duration> stoppedRetention, int defaultMaxRunning, int defaultMaxTotal) {

    static final Duration SHORTEST_TIMEOUT = Duration.ofMinutes(1);
    static final Duration LONGEST_TIMEOUT = Duration.ofDays(365);
    public static final int MOST_WORKSPACES = 10_000;

    public LiveSettings {
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        Objects.requireNonNull(stoppedRetention, "stoppedRetention");
        requireWithinBounds("idleTimeout", idleTimeout);
        if (warnBefore == null || warnBefore.isNegative() || warnBefore.compareTo(idleTimeout) >= 0) {
            throw KalpanaException.invalid("invalid_settings", "warnBefore must be zero or more and shorter than"
                    + " idleTimeout (" + idleTimeout + "), so the warning comes before the stop; it is " + warnBefore);
        }
        maxLifetime.ifPresent(lifetime -> requireWithinBounds("maxLifetime", lifetime));
        stoppedRetention.ifPresent(retention -> requireWithinBounds("stoppedRetention", retention));
        requireCount("defaultMaxRunning", defaultMaxRunning);
        requireCount("defaultMaxTotal", defaultMaxTotal);
    }

    /** Limits of a workspace count: zero blocks a person entirely, which an admin may mean. */
    public static void requireCount(String field, int count) {
        if (count < 0 || count > MOST_WORKSPACES) {
            throw KalpanaException.invalid("invalid_settings",
                    field + " must be between 0 and " + MOST_WORKSPACES + "; it is " + count);
        }
    }

    private static void requireWithinBounds(String field, Duration duration) {
        if (duration == null) {
            throw KalpanaException.invalid("invalid_settings", field + " is required (an ISO-8601 duration such as PT30M)");
        }
        if (duration.compareTo(SHORTEST_TIMEOUT) < 0 || duration.compareTo(LONGEST_TIMEOUT) > 0) {
            throw KalpanaException.invalid("invalid_settings", field + " must be between " + SHORTEST_TIMEOUT
                    + " and " + LONGEST_TIMEOUT.toDays() + " days; it is " + duration);
        }
    }

    /**
     * Reads an ISO-8601 duration typed by a person or configured, naming the field when it is not one.
     * Blank, "off" or "none" mean no value, for the settings that can be switched off.
     */
    public static Optional<Duration> parseOptional(String field, String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("off") || text.strip().equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        return Optional.of(parse(field, text));
    }

    public static Duration parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw KalpanaException.invalid("invalid_settings", field + " is required (an ISO-8601 duration such as PT30M)");
        }
        try {
            return Duration.parse(text.strip());
        } catch (RuntimeException e) {
            throw KalpanaException.invalid("invalid_settings",
                    field + " must be an ISO-8601 duration such as PT30M or PT2H; '" + text + "' is not one");
        }
    }

    public LiveSettings withIdleTimeout(Duration value) {
        return new LiveSettings(value, warnBefore, maxLifetime, stoppedRetention, defaultMaxRunning, defaultMaxTotal);
    }

    public LiveSettings withWarnBefore(Duration value) {
        return new LiveSettings(idleTimeout, value, maxLifetime, stoppedRetention, defaultMaxRunning, defaultMaxTotal);
    }

    public LiveSettings withMaxLifetime(Optional<Duration> value) {
        return new LiveSettings(idleTimeout, warnBefore, value, stoppedRetention, defaultMaxRunning, defaultMaxTotal);
    }

    public LiveSettings withStoppedRetention(Optional<Duration> value) {
        return new LiveSettings(idleTimeout, warnBefore, maxLifetime, value, defaultMaxRunning, defaultMaxTotal);
    }

    public LiveSettings withDefaultMaxRunning(int value) {
        return new LiveSettings(idleTimeout, warnBefore, maxLifetime, stoppedRetention, value, defaultMaxTotal);
    }

    public LiveSettings withDefaultMaxTotal(int value) {
        return new LiveSettings(idleTimeout, warnBefore, maxLifetime, stoppedRetention, defaultMaxRunning, value);
    }
}
