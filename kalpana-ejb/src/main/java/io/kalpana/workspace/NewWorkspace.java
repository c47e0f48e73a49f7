package io.kalpana.workspace;

import io.kalpana.image.ImageName;

import java.util.Optional;

/**
 * What a person gives to create a workspace; only the name is required. Without an image, the workspace runs its
 * template's built-in one.
 */
public record NewWorkspace(WorkspaceName name, WorkspaceTemplate template, RepoUrl repoUrl, NixConfig nixConfig,
                           Optional<ImageName> image) {

    public NewWorkspace(WorkspaceName name, WorkspaceTemplate template, RepoUrl repoUrl, NixConfig nixConfig) {
        this(name, template, repoUrl, nixConfig, Optional.empty());
    }

    /** Validates raw form or JSON fields, each failure naming the field in words. */
    public static NewWorkspace of(String name, String template, String repoUrl, String nixConfig) {
        return of(name, template, repoUrl, nixConfig, null);
    }

    /** As {@link #of(String, String, String, String)}, with the image asked for (blank for the template's own). */
    public static NewWorkspace of(String name, String template, String repoUrl, String nixConfig, String image) {
        return new NewWorkspace(new WorkspaceName(name), WorkspaceTemplate.fromId(template),
                RepoUrl.orNull(repoUrl), NixConfig.orNull(nixConfig),
                image == null || image.isBlank() ? Optional.empty() : Optional.of(new ImageName(image)));
    }
}
