package io.kalpana.image;

import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceTemplate;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What an admin says about an image when registering or changing it, each part checked. */
public record ImageDraft(ImageReference reference, String description, Set<WorkspaceTemplate> templates,
                         Set<String> groups) {

    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_GROUPS = 50;
    public static final int MAX_GROUP_LENGTH = 128;

    public ImageDraft {
        if (reference == null) {
            throw KalpanaException.invalid("invalid_image_reference", "Give the Docker image reference");
        }
        description = description == null ? "" : description.strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw KalpanaException.invalid("invalid_image_description", "An image description has at most "
                    + MAX_DESCRIPTION + " characters");
        }
        if (description.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw KalpanaException.invalid("invalid_image_description",
                    "An image description cannot contain control characters");
        }
        templates = templates == null || templates.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(templates));
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        if (groups.size() > MAX_GROUPS) {
            throw KalpanaException.invalid("invalid_image_groups", "An image names at most " + MAX_GROUPS + " groups");
        }
        for (String group : groups) {
            if (group == null || group.isBlank() || group.length() > MAX_GROUP_LENGTH
                    || group.chars().anyMatch(c -> Character.isISOControl(c) || c == ',')) {
                throw KalpanaException.invalid("invalid_image_groups", "A group is a name of 1 to " + MAX_GROUP_LENGTH
                        + " characters without commas or control characters; got '" + group + "'");
            }
        }
    }

    /** From the API's words: template ids and group names as lists, any of them absent. */
    public static ImageDraft of(String reference, String description, List<String> templates, List<String> groups) {
        Set<WorkspaceTemplate> chosen = new LinkedHashSet<>();
        for (String template : templates == null ? List.<String>of() : templates) {
            if (template == null || template.isBlank()) {
                throw KalpanaException.invalid("unknown_template", "A template in the list is empty");
            }
            chosen.add(WorkspaceTemplate.fromId(template));
        }
        Set<String> named = new LinkedHashSet<>();
        for (String group : groups == null ? List.<String>of() : groups) {
            if (group == null || group.isBlank()) {
                throw KalpanaException.invalid("invalid_image_groups", "A group in the list is empty");
            }
            named.add(group.strip());
        }
        return new ImageDraft(new ImageReference(reference), description, chosen, named);
    }
}
