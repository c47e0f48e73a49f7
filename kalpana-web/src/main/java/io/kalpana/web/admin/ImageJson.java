package io.kalpana.web.admin;

import io.kalpana.image.ImageUsage;
import io.kalpana.image.WorkspaceImage;
import io.kalpana.workspace.WorkspaceTemplate;
import jakarta.json.bind.annotation.JsonbNillable;

import java.time.Instant;
import java.util.List;

/** An image as the admin API shows it; {@code templates} and {@code groups} empty mean all and everyone. */
@JsonbNillable
public record ImageJson(String name, String reference, String description, List<String> templates,
                        List<String> groups, boolean builtIn, long workspaces, String updatedAt) {

    public static ImageJson of(ImageUsage usage) {
        WorkspaceImage image = usage.image();
        return new ImageJson(image.name().value(), image.reference().value(), image.description(),
                image.templates().stream().sorted().map(WorkspaceTemplate::id).toList(), List.copyOf(image.groups()),
                image.builtIn(), usage.workspaces(), image.updatedAt().map(Instant::toString).orElse(null));
    }
}
