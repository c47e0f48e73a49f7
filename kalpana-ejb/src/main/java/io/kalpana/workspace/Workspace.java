package io.kalpana.workspace;

import io.kalpana.identity.Username;
import io.kalpana.image.ImageName;
import io.kalpana.port.HostPort;
import io.kalpana.port.PortPair;
import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

import java.time.Instant;
import java.util.Optional;

/** A person's workspace: its settings, its container and ports while it runs, and why it is in its state. */
@Entity(Workspace.COLLECTION)
public class Workspace {

    public static final String COLLECTION = "workspaces";

    @Id
    private String id;

    @Column
    private String name;

    @Column
    private String nameKey;

    @Column
    private String owner;

    @Column
    private WorkspaceStatus status;

    @Column
    private String statusReason;

    @Column
    private String template;

    @Column
    private String repoUrl;

    @Column
    private String nixConfig;

    /** The name of its image in the catalog; absent on workspaces made before images were known. */
    @Column
    private String image;

    @Column
    private String containerId;

    @Column
    private Integer idePort;

    @Column
    private Integer bridgePort;

    @Column
    private Instant createdAt;

    @Column
    private Instant updatedAt;

    @Column
    private Instant lastActivityAt;

    /** Epoch milliseconds of {@link #lastActivityAt}, for atomic "only if newer" updates. */
    @Column
    private Long lastActivityMillis;

    @Column
    private String lastSignal;

    @Column
    private Instant startedAt;

    @Column
    private Instant stoppedAt;

    @Column
    private String warning;

    @Column
    private String warningKind;

    @Column
    private Instant warnedAt;

    protected Workspace() {
    }

    Workspace(WorkspaceId id, WorkspaceName name, Username owner, WorkspaceTemplate template, RepoUrl repoUrl,
              NixConfig nixConfig, ImageName image, Instant now) {
        this.id = id.value();
        this.name = name.value();
        this.nameKey = name.key();
        this.owner = owner.value();
        this.status = WorkspaceStatus.STOPPED;
        this.template = template.id();
        this.repoUrl = repoUrl == null ? null : repoUrl.value();
        this.nixConfig = nixConfig == null ? null : nixConfig.text();
        this.image = image.value();
        this.createdAt = now;
        this.updatedAt = now;
        this.lastActivityAt = now;
        this.lastActivityMillis = now.toEpochMilli();
        this.stoppedAt = now;
    }

    public WorkspaceId id() {
        return new WorkspaceId(id);
    }

    public WorkspaceName name() {
        return new WorkspaceName(name);
    }

    public Username owner() {
        return new Username(owner);
    }

    public WorkspaceStatus status() {
        return status;
    }

    public Optional<String> statusReason() {
        return Optional.ofNullable(statusReason);
    }

    public WorkspaceTemplate template() {
        return WorkspaceTemplate.fromId(template);
    }

    public Optional<RepoUrl> repoUrl() {
        return Optional.ofNullable(repoUrl).map(RepoUrl::new);
    }

    /** The image it runs on: the one it was made with, or the one an admin moved it to. */
    public ImageName image() {
        return image == null ? new ImageName(template().id()) : new ImageName(image);
    }

    public Optional<NixConfig> nixConfig() {
        return Optional.ofNullable(nixConfig).map(NixConfig::new);
    }

    public Optional<String> containerId() {
        return Optional.ofNullable(containerId);
    }

    public Optional<PortPair> ports() {
        return idePort == null || bridgePort == null
                ? Optional.empty()
                : Optional.of(new PortPair(new HostPort(idePort), new HostPort(bridgePort)));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    /** The last sign of use the reaper knows of; empty for a workspace never started since the reaper came. */
    public Optional<ActivitySignal> lastSignal() {
        return Optional.ofNullable(lastSignal).map(ActivitySignal::valueOf);
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /** Since when a STOPPED workspace has been stopped (its creation for one never started). */
    public Instant stoppedAt() {
        return stoppedAt == null ? updatedAt : stoppedAt;
    }

    /** What the reaper is about to do to this workspace, in words for its owner. */
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    public Optional<ReaperWarningKind> warningKind() {
        return Optional.ofNullable(warningKind).map(ReaperWarningKind::valueOf);
    }

    public Optional<Instant> warnedAt() {
        return Optional.ofNullable(warnedAt);
    }
}
