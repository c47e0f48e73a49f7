package io.kalpana.workspace;

/** Fired after a workspace and its files are gone, so what belongs to it elsewhere (its conversation) goes too. */
public record WorkspaceDeleted(WorkspaceId workspace) {
}
