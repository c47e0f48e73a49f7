package io.kalpana.runtime;

import io.kalpana.config.KalpanaConfig;
import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.NixConfig;
import io.kalpana.workspace.RepoUrl;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Fills a new workspace at its first start: the template's starter files, then the repository (whose files
 * win over the template's), then {@code shell.nix} (the person's own, so it wins over the repository's).
 */
@ApplicationScoped
public class WorkspaceProvisioner {

    private static final Logger LOG = Logger.getLogger(WorkspaceProvisioner.class.getName());

    /**
     * The URL arrives as a positional parameter and follows {@code --}, so no value can become a git option
     * or shell code. git clones into an empty scratch directory because /workspace already holds the template.
     */
    private static final String CLONE_SCRIPT = """
            export GIT_TERMINAL_PROMPT=0 GIT_SSH_COMMAND='ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new'
            scratch=$(mktemp -d /tmp/kalpana-clone.XXXXXX) || exit 1
            git clone --quiet -- "$1" "$scratch/repo" || { rc=$?; rm -rf "$scratch"; exit $rc; }
            cp -a "$scratch/repo/." /workspace/ && rm -rf "$scratch"
            """;

    private WorkspaceRuntime runtime;
    private Duration cloneTimeout;

    /** For the CDI proxy only. */
    protected WorkspaceProvisioner() {
    }

    @Inject
    public WorkspaceProvisioner(WorkspaceRuntime runtime, KalpanaConfig config) {
        this(runtime, config.workspaceCloneTimeout());
    }

    public WorkspaceProvisioner(WorkspaceRuntime runtime, Duration cloneTimeout) {
        this.runtime = runtime;
        this.cloneTimeout = cloneTimeout;
    }

    public ProvisioningOutcome provision(WorkspaceId id, WorkspaceTemplate template, Optional<RepoUrl> repo,
                                         Optional<NixConfig> nix) {
        List<String> problems = new ArrayList<>();
        try {
            runtime.writeFiles(id, TemplateFiles.of(template));
        } catch (RuntimeException e) {
            problems.add("the " + template.id() + " starter files could not be written (" + describe(e) + ")");
        }
        repo.flatMap(url -> clone(id, url)).ifPresent(problems::add);
        nix.ifPresent(config -> {
            try {
                runtime.writeFiles(id, List.of(WorkspaceFile.text("shell.nix", config.text())));
            } catch (RuntimeException e) {
                problems.add("shell.nix could not be written (" + describe(e) + ")");
            }
        });
        if (problems.isEmpty()) {
            LOG.info(() -> "workspace=" + id + " provisioned from template " + template.id()
                    + (repo.isPresent() ? " with its repository" : ""));
            return ProvisioningOutcome.fine();
        }
        String problem = "The workspace is running, but " + String.join("; ", problems) + ".";
        LOG.warning(() -> "workspace=" + id + " provisioned with problems: " + problem);
        return ProvisioningOutcome.withProblem(problem);
    }

    /** The reason the clone failed, in words for the workspace's owner; empty when it worked. */
    private Optional<String> clone(WorkspaceId id, RepoUrl url) {
        LOG.info(() -> "workspace=" + id + " cloning " + redact(url.value()));
        ExecResult result;
        try {
            result = runtime.exec(id, List.of("sh", "-c", CLONE_SCRIPT, "kalpana-clone", url.value()), cloneTimeout);
        } catch (RuntimeException e) {
            return Optional.of("the repository could not be cloned (" + describe(e) + ")");
        }
        if (result.succeeded()) {
            return Optional.empty();
        }
        if (result.timedOut()) {
            return Optional.of("cloning the repository took longer than " + cloneTimeout.toSeconds()
                    + " seconds and was stopped");
        }
        return Optional.of("the repository could not be cloned (git: " + lastLine(result.output()) + ")");
    }

    private static String describe(RuntimeException e) {
        return e instanceof KalpanaException problem ? problem.getMessage() : e.getClass().getSimpleName();
    }

    private static String lastLine(String output) {
        String[] lines = redact(output).strip().split("\n");
        String last = lines[lines.length - 1].strip();
        if (last.isEmpty()) {
            return "no output";
        }
        return last.length() > 300 ? last.substring(0, 300) + "..." : last;
    }

    /** Credentials typed into a URL (https://user:token@host) must not reach logs or status reasons. */
    static String redact(String text) {
        return text.replaceAll("//[^@/\\s]*@", "//***@");
    }
}
