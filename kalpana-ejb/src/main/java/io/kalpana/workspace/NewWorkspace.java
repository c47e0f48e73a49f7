package io.kalpana.workspace;

/** What a person gives to create a workspace; only the name is required. */
public record NewWorkspace(WorkspaceName name, WorkspaceTemplate template, RepoUrl repoUrl, NixConfig nixConfig) {

    /** Validates raw form or JSON fields, each failure naming the field in words. */
    public static NewWorkspace of(String name, String template, String repoUrl, String nixConfig) {
        return new NewWorkspace(new WorkspaceName(name), WorkspaceTemplate.fromId(template),
                RepoUrl.orNull(repoUrl), NixConfig.orNull(nixConfig));
    }
}
