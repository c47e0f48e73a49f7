package io.kalpana.web.ide;

import io.kalpana.workspace.ActivitySignal;
import io.kalpana.workspace.WorkspaceActivity;
import io.kalpana.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;

/** Tells the rest of Kalpana that a workspace's IDE is in use, at most once per workspace every ten seconds. */
@ApplicationScoped
public class ProxyActivity {

    static final Duration INTERVAL = Duration.ofSeconds(10);

    @Inject
    Event<WorkspaceActivity> activity;

    private final ActivityThrottle throttle = new ActivityThrottle(INTERVAL, Clock.systemUTC());

    public void seen(WorkspaceId workspace) {
        if (throttle.due(workspace)) {
            activity.fire(WorkspaceActivity.now(workspace, ActivitySignal.IDE_PROXY));
        }
    }
}
