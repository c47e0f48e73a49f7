package io.kalpana.image;

import io.kalpana.identity.Caller;
import io.kalpana.workspace.WorkspaceTemplate;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An image workspaces may run: built in (one per template, following {@code kalpana.workspace.image}) or registered
 * by an admin. It is offered for the templates it names (all when it names none) to the groups it names (everyone
 * when it names none; admins always).
 */
public record WorkspaceImage(ImageName name, ImageReference reference, String description,
                             Set<WorkspaceTemplate> templates, Set<String> groups, boolean builtIn,
                             Optional<Instant> updatedAt) {

    public WorkspaceImage {
        templates = templates.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(templates));
        groups = Collections.unmodifiableSet(new TreeSet<>(groups));
        description = description == null ? "" : description;
    }

    static WorkspaceImage builtIn(WorkspaceTemplate template, ImageReference reference) {
        return new WorkspaceImage(TemplateImages.nameOf(template), reference, "Kalpana's " + template.id()
                + " image", Set.of(template), Set.of(), true, Optional.empty());
    }

    public boolean offeredFor(WorkspaceTemplate template) {
        return templates.isEmpty() || templates.contains(template);
    }

    public boolean usableBy(Caller caller, Set<String> callerGroups) {
        return caller.isAdmin() || groups.isEmpty() || groups.stream().anyMatch(callerGroups::contains);
    }
}
