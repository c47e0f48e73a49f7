package io.kalpana.agent;

import io.kalpana.identity.Username;
import io.kalpana.workspace.WorkspaceId;

/** What the server does beside streaming: auditing tool calls and telling the reaper the workspace is in use. */
public interface AgentTurnObserver {

    void turnStarted(Username user, WorkspaceId workspace);

    void toolStarted(Username user, WorkspaceId workspace, ToolCall call);

    void turnEnded(Username user, WorkspaceId workspace, TurnSummary summary);
}
