package io.kalpana.web.admin;

import io.kalpana.image.ImageCatalog;
import io.kalpana.image.ImageUsage;
import io.kalpana.image.WorkspaceImage;
import io.kalpana.web.problem.PageMessages;
import io.kalpana.workspace.WorkspaceTemplate;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The console's images section: every image workspaces may run and how many run it. Read only: registering,
 * changing and deleting go through {@code /api/v1/admin/images}, where a reference is typed by a script anyway.
 */
@Named
@ViewScoped
public class AdminImagesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ImageCatalog catalog;

    private List<ImageRowView> rows = List.of();

    @PostConstruct
    public void load() {
        try {
            rows = catalog.usage().stream().map(ImageRowView::new).toList();
        } catch (RuntimeException e) {
            PageMessages.failed("listing images", e);
        }
    }

    public List<ImageRowView> getRows() {
        return rows;
    }

    /** A line of the images table, with the getters Faces EL needs; empty sets read as "all" and "everyone". */
    public static class ImageRowView implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String name;
        private final String reference;
        private final String description;
        private final String templates;
        private final String groups;
        private final boolean builtIn;
        private final long workspaces;
        private final String updatedAt;

        ImageRowView(ImageUsage usage) {
            WorkspaceImage image = usage.image();
            this.name = image.name().value();
            this.reference = image.reference().value();
            this.description = image.description();
            this.templates = image.templates().isEmpty() ? "all"
                    : image.templates().stream().sorted().map(WorkspaceTemplate::id).collect(Collectors.joining(", "));
            this.groups = image.groups().isEmpty() ? "everyone" : String.join(", ", image.groups());
            this.builtIn = image.builtIn();
            this.workspaces = usage.workspaces();
            this.updatedAt = image.updatedAt().map(WorkspaceRowView.SHOWN::format).orElse("");
        }

        public String getName() {
            return name;
        }

        public String getReference() {
            return reference;
        }

        public String getDescription() {
            return description;
        }

        public String getTemplates() {
            return templates;
        }

        public String getGroups() {
            return groups;
        }

        public boolean isBuiltIn() {
            return builtIn;
        }

        public long getWorkspaces() {
            return workspaces;
        }

        public String getUpdatedAt() {
            return updatedAt;
        }
    }
}
