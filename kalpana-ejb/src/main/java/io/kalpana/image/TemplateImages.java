package io.kalpana.image;

import io.kalpana.workspace.WorkspaceTemplate;

/**
 * The image built for each template by {@code ./kalpana image}: the configured {@code kalpana.workspace.image} for
 * {@code blank}, and beside it {@code <its repository>-<template>:<its tag>} for the others, the names
 * workspace-image/build.sh gives them. A reference pinned by digest names the blank image only, so the others
 * fall back to the tag (or latest).
 */
public final class TemplateImages {

    private final ImageReference blank;

    public TemplateImages(ImageReference blank) {
        this.blank = blank;
    }

    public ImageReference forTemplate(WorkspaceTemplate template) {
        if (template == WorkspaceTemplate.BLANK) {
            return blank;
        }
        return new ImageReference(blank.repository() + "-" + template.id() + blank.tag().map(tag -> ":" + tag)
                .orElse(""));
    }

    /** The built-in image's name for a template: the template's own id. */
    public static ImageName nameOf(WorkspaceTemplate template) {
        return new ImageName(template.id());
    }
}
