package io.kalpana.agent;

import io.kalpana.workspace.RepoUrl;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceTemplate;

import java.util.List;
import java.util.Optional;

/** What the system prompt tells the model about the workspace it works in. */
public record WorkspaceContext(WorkspaceId workspace, WorkspaceTemplate template, Optional<RepoUrl> repo,
                               List<String> topLevelFiles) {

    public WorkspaceContext {
        topLevelFiles = List.copyOf(topLevelFiles);
    }
}
