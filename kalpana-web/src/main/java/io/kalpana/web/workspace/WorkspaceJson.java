package io.kalpana.web.workspace;

import io.kalpana.port.PortPair;
import io.kalpana.workspace.RepoUrl;
import io.kalpana.workspace.Workspace;
import jakarta.json.bind.annotation.JsonbNillable;

/**
 * A workspace as the API shows it. {@code lastSignal} and {@code lastActivityAt} say why the reaper counts it as
 * in use; {@code warning} is what the reaper is about to do (IDLE and DELETION ones are averted by keep-running).
 */
@JsonbNillable
public record WorkspaceJson(String id, String name, String owner, String status, String statusReason,
                            String template, String image, String repoUrl, Integer idePort, Integer bridgePort, String ideUrl,
                            String createdAt, String updatedAt, String lastActivityAt, String lastSignal,
                            String warning, String warningKind, String warnedAt) {

    public static WorkspaceJson of(Workspace workspace, String ideUrl) {
        PortPair ports = workspace.ports().orElse(null);
        return new WorkspaceJson(workspace.id().value(), workspace.name().value(), workspace.owner().value(),
                workspace.status().name(), workspace.statusReason().orElse(null), workspace.template().id(),
                workspace.image().value(), workspace.repoUrl().map(RepoUrl::value).orElse(null),
                ports == null ? null : ports.ide().number(), ports == null ? null : ports.bridge().number(),
                ideUrl, workspace.createdAt().toString(), workspace.updatedAt().toString(),
                workspace.lastActivityAt().toString(),
                workspace.lastSignal().map(Enum::name).orElse(null), workspace.warning().orElse(null),
                workspace.warningKind().map(Enum::name).orElse(null),
                workspace.warnedAt().map(Object::toString).orElse(null));
    }
}
