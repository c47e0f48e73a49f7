package io.kalpana.image;

/** An image and how many workspaces run it, for the admin console and API. */
public record ImageUsage(WorkspaceImage image, long workspaces) {
}
