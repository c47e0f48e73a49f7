package io.kalpana.reaper;

import io.kalpana.settings.LiveSettings;
import io.kalpana.workspace.ReaperWarningKind;
import io.kalpana.workspace.WorkspaceStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.kalpana.reaper.ReaperDecision.Action.DELETE;
import static io.kalpana.reaper.ReaperDecision.Action.STOP_IDLE;
import static io.kalpana.reaper.ReaperDecision.Action.STOP_LIFETIME;
import static io.kalpana.reaper.ReaperDecision.Action.WARN_DELETION;
import static io.kalpana.reaper.ReaperDecision.Action.WARN_IDLE;
import static io.kalpana.reaper.ReaperDecision.Action.WARN_LIFETIME;

/**
 * Decides, from a workspace's last sign of use and the live settings, whether it is warned, stopped or deleted
 * now. Pure: the time is passed in. A stop or deletion needs a warning that stood for the whole warn-before
 * period, so an owner is never surprised, even after a sweep came late (Kalpana was down, say): then the stop
 * simply moves back until the warning has stood long enough.
 */
final class IdlePolicy {

    private IdlePolicy() {
    }

    static ReaperDecision decide(WorkspaceSnapshot workspace, LiveSettings settings, Instant now) {
        if (workspace.status() == WorkspaceStatus.RUNNING) {
            return running(workspace, settings, now);
        }
        if (workspace.status() == WorkspaceStatus.STOPPED && settings.stoppedRetention().isPresent()) {
            return stopped(workspace, settings.stoppedRetention().get(), settings.warnBefore(), now);
        }
        return ReaperDecision.none(now);
    }

    private static ReaperDecision running(WorkspaceSnapshot workspace, LiveSettings settings, Instant now) {
        Duration warnBefore = settings.warnBefore();
        Optional<Instant> lifetimeEnd = settings.maxLifetime().flatMap(max -> workspace.startedAt().map(at -> at.plus(max)));
        if (lifetimeEnd.isPresent()) {
            if (!now.isBefore(lifetimeEnd.get()) && warnedLongEnough(workspace, warnBefore, now)) {
                return new ReaperDecision(STOP_LIFETIME, now);
            }
            if (!now.isBefore(lifetimeEnd.get().minus(warnBefore))
                    && !workspace.warningKind().equals(Optional.of(ReaperWarningKind.LIFETIME))) {
                return new ReaperDecision(WARN_LIFETIME, later(lifetimeEnd.get(), now.plus(warnBefore)));
            }
        }
        Instant idleStop = workspace.lastActivityAt().plus(settings.idleTimeout());
        if (!now.isBefore(idleStop) && warnedLongEnough(workspace, warnBefore, now)) {
            return new ReaperDecision(STOP_IDLE, now);
        }
        if (!now.isBefore(idleStop.minus(warnBefore)) && workspace.warningKind().isEmpty()) {
            return new ReaperDecision(WARN_IDLE, later(idleStop, now.plus(warnBefore)));
        }
        return ReaperDecision.none(now);
    }

    private static ReaperDecision stopped(WorkspaceSnapshot workspace, Duration retention, Duration warnBefore,
                                          Instant now) {
        Instant deleteAt = workspace.stoppedAt().plus(retention);
        boolean deletionWarned = workspace.warningKind().equals(Optional.of(ReaperWarningKind.DELETION));
        if (!now.isBefore(deleteAt) && (warnBefore.isZero() || deletionWarned && warnedLongEnough(workspace, warnBefore, now))) {
            return new ReaperDecision(DELETE, now);
        }
        if (!now.isBefore(deleteAt.minus(warnBefore)) && !deletionWarned) {
            return new ReaperDecision(WARN_DELETION, later(deleteAt, now.plus(warnBefore)));
        }
        return ReaperDecision.none(now);
    }

    private static boolean warnedLongEnough(WorkspaceSnapshot workspace, Duration warnBefore, Instant now) {
        if (warnBefore.isZero()) {
            return true;
        }
        return workspace.warningKind().isPresent()
                && workspace.warnedAt().filter(warned -> !now.isBefore(warned.plus(warnBefore))).isPresent();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
