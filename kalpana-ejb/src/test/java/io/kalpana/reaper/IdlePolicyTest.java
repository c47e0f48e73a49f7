package io.kalpana.reaper;

import io.kalpana.identity.Username;
import io.kalpana.settings.LiveSettings;
import io.kalpana.workspace.ActivitySignal;
import io.kalpana.workspace.ReaperWarningKind;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.kalpana.reaper.ReaperDecision.Action.DELETE;
import static io.kalpana.reaper.ReaperDecision.Action.NONE;
import static io.kalpana.reaper.ReaperDecision.Action.STOP_IDLE;
import static io.kalpana.reaper.ReaperDecision.Action.STOP_LIFETIME;
import static io.kalpana.reaper.ReaperDecision.Action.WARN_DELETION;
import static io.kalpana.reaper.ReaperDecision.Action.WARN_IDLE;
import static io.kalpana.reaper.ReaperDecision.Action.WARN_LIFETIME;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IdlePolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final LiveSettings SETTINGS = new LiveSettings(Duration.ofMinutes(30), Duration.ofMinutes(5),
            Optional.empty(), Optional.empty(), 3, 10);

    @Test
    void aRunningWorkspaceIsLeftAloneUntilTheWarningTime() {
        WorkspaceSnapshot used = running(T0, Optional.empty(), null);
        assertEquals(NONE, decide(used, SETTINGS, T0.plus(Duration.ofMinutes(24))));
        ReaperDecision warn = IdlePolicy.decide(used, SETTINGS, T0.plus(Duration.ofMinutes(25)));
        assertEquals(WARN_IDLE, warn.action());
        assertEquals(T0.plus(Duration.ofMinutes(30)), warn.due(), "the warning names the stop time");
    }

    @Test
    void aWarnedIdleWorkspaceIsStoppedAtTheIdleTimeoutButNotBefore() {
        WorkspaceSnapshot warned = running(T0, Optional.of(ReaperWarningKind.IDLE), T0.plus(Duration.ofMinutes(25)));
        assertEquals(NONE, decide(warned, SETTINGS, T0.plus(Duration.ofMinutes(29))), "warned already: nothing new");
        assertEquals(STOP_IDLE, decide(warned, SETTINGS, T0.plus(Duration.ofMinutes(30))));
    }

    @Test
    void withoutAWarningThereIsNoStopEvenLongAfterTheTimeout() {
        WorkspaceSnapshot neverWarned = running(T0, Optional.empty(), null);
        ReaperDecision late = IdlePolicy.decide(neverWarned, SETTINGS, T0.plus(Duration.ofHours(3)));
        assertEquals(WARN_IDLE, late.action(), "Kalpana was down: warn first");
        assertEquals(T0.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(5)), late.due(), "the owner gets the full 5 minutes");
        WorkspaceSnapshot lateWarning = running(T0, Optional.of(ReaperWarningKind.IDLE), T0.plus(Duration.ofHours(3)));
        assertEquals(NONE, decide(lateWarning, SETTINGS, T0.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(4))));
        assertEquals(STOP_IDLE, decide(lateWarning, SETTINGS, T0.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(5))));
    }

    @Test
    void recentActivityResetsTheClock() {
        WorkspaceSnapshot recentlyUsed = running(T0, Optional.empty(), null).withActivity(ActivitySignal.AGENT_TURN,
                T0.plus(Duration.ofMinutes(28)));
        assertEquals(NONE, decide(recentlyUsed, SETTINGS, T0.plus(Duration.ofMinutes(31))));
        assertEquals(WARN_IDLE, decide(recentlyUsed, SETTINGS, T0.plus(Duration.ofMinutes(53))));
    }

    @Test
    void activityLiftsAnIdleWarning() {
        WorkspaceSnapshot warned = running(T0, Optional.of(ReaperWarningKind.IDLE), T0.plus(Duration.ofMinutes(25)));
        WorkspaceSnapshot used = warned.withActivity(ActivitySignal.KEEP_RUNNING, T0.plus(Duration.ofMinutes(27)));
        assertEquals(Optional.empty(), used.warningKind());
        assertEquals(NONE, decide(used, SETTINGS, T0.plus(Duration.ofMinutes(31))));
    }

    @Test
    void noWarningPeriodMeansAStopRightAtTheTimeout() {
        LiveSettings noWarning = SETTINGS.withWarnBefore(Duration.ZERO);
        WorkspaceSnapshot idle = running(T0, Optional.empty(), null);
        assertEquals(NONE, decide(idle, noWarning, T0.plus(Duration.ofMinutes(29))));
        assertEquals(STOP_IDLE, decide(idle, noWarning, T0.plus(Duration.ofMinutes(30))));
    }

    @Test
    void theMaximumLifetimeStopsEvenAWorkspaceInUseAfterItsWarning() {
        LiveSettings lifetime = SETTINGS.withMaxLifetime(Optional.of(Duration.ofHours(8)));
        WorkspaceSnapshot busy = running(T0, Optional.empty(), null)
                .withActivity(ActivitySignal.IDE, T0.plus(Duration.ofHours(8)));
        assertEquals(NONE, decide(busy, lifetime, T0.plus(Duration.ofHours(7)).plus(Duration.ofMinutes(54))));
        assertEquals(WARN_LIFETIME, decide(busy, lifetime, T0.plus(Duration.ofHours(7)).plus(Duration.ofMinutes(55))));
        WorkspaceSnapshot warned = snapshot(WorkspaceStatus.RUNNING, busy.lastActivityAt(), Optional.of(T0), T0,
                Optional.of(ReaperWarningKind.LIFETIME), T0.plus(Duration.ofHours(7)).plus(Duration.ofMinutes(55)));
        assertEquals(NONE, decide(warned, lifetime, T0.plus(Duration.ofHours(7)).plus(Duration.ofMinutes(59))));
        assertEquals(STOP_LIFETIME, decide(warned, lifetime, T0.plus(Duration.ofHours(8))));
    }

    @Test
    void stoppedWorkspacesAreDeletedOnlyWhenRetentionIsOnAndAfterAWarning() {
        WorkspaceSnapshot stopped = snapshot(WorkspaceStatus.STOPPED, T0, Optional.empty(), T0, Optional.empty(), null);
        assertEquals(NONE, decide(stopped, SETTINGS, T0.plus(Duration.ofDays(400))), "retention off by default");

        LiveSettings retention = SETTINGS.withStoppedRetention(Optional.of(Duration.ofDays(30)));
        assertEquals(NONE, decide(stopped, retention, T0.plus(Duration.ofDays(30)).minus(Duration.ofMinutes(6))));
        assertEquals(WARN_DELETION, decide(stopped, retention, T0.plus(Duration.ofDays(30))), "never deleted unwarned");
        WorkspaceSnapshot warned = snapshot(WorkspaceStatus.STOPPED, T0, Optional.empty(), T0,
                Optional.of(ReaperWarningKind.DELETION), T0.plus(Duration.ofDays(30)));
        assertEquals(NONE, decide(warned, retention, T0.plus(Duration.ofDays(30)).plus(Duration.ofMinutes(4))));
        assertEquals(DELETE, decide(warned, retention, T0.plus(Duration.ofDays(30)).plus(Duration.ofMinutes(5))));
    }

    @Test
    void workspacesInOtherStatesAreNotTouchedByThePolicy() {
        for (WorkspaceStatus status : new WorkspaceStatus[]{WorkspaceStatus.STARTING, WorkspaceStatus.STOPPING, WorkspaceStatus.ERROR}) {
            assertEquals(NONE, decide(snapshot(status, T0, Optional.of(T0), T0, Optional.empty(), null),
                    SETTINGS.withStoppedRetention(Optional.of(Duration.ofDays(1))), T0.plus(Duration.ofDays(10))));
        }
    }

    private static ReaperDecision.Action decide(WorkspaceSnapshot workspace, LiveSettings settings, Instant now) {
        return IdlePolicy.decide(workspace, settings, now).action();
    }

    private static WorkspaceSnapshot running(Instant lastActivity, Optional<ReaperWarningKind> warning, Instant warnedAt) {
        return snapshot(WorkspaceStatus.RUNNING, lastActivity, Optional.of(lastActivity), lastActivity, warning, warnedAt);
    }

    private static WorkspaceSnapshot snapshot(WorkspaceStatus status, Instant lastActivity, Optional<Instant> startedAt,
                                              Instant stoppedAt, Optional<ReaperWarningKind> warning, Instant warnedAt) {
        return new WorkspaceSnapshot(new WorkspaceId("abcdefgh2345"), new Username("alice"), "w", status, Optional.empty(),
                lastActivity, Optional.of(ActivitySignal.STARTED), startedAt, stoppedAt, warning,
                Optional.ofNullable(warnedAt), Optional.empty());
    }
}
