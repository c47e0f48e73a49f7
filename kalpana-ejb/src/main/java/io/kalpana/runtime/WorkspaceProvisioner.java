package io.kalpana.runtime;

import io.kalpana.config.KalpanaConfig;
import io.kalpana.credentials.GitCredential;
import io.kalpana.credentials.GitCredentialLookup;
import io.kalpana.credentials.GitCredentialService;
import io.kalpana.credentials.GitHost;
import io.kalpana.credentials.GitToken;
import io.kalpana.identity.Username;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Fills a new workspace at its first start: the template's starter files, then the repository (whose files
 * win over the template's), then {@code shell.nix} (the person's own, so it wins over the repository's). What needs
 * no running container goes in with the launch as its {@link FirstFiles}; the clone runs while the IDE boots.
 */
@ApplicationScoped
public class WorkspaceProvisioner {

    private static final Logger LOG = Logger.getLogger(WorkspaceProvisioner.class.getName());

    /**
     * The URL arrives as a positional parameter and follows {@code --}, so no value can become a git option
     * or shell code. git clones into an empty scratch directory because /workspace already holds the template.
     * {@code credential.helper=} first drops the image's helper (it asks Kalpana with a token Kalpana's own commands
     * do not get); the second parameter, when given, is the helper that answers with the owner's credential.
     */
    private static final String CLONE_SCRIPT = """
            export GIT_TERMINAL_PROMPT=0 GIT_SSH_COMMAND='ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new'
            scratch=$(mktemp -d /tmp/kalpana-clone.XXXXXX) || exit 1
            if [ -n "$2" ]; then
              git -c credential.helper= -c "credential.helper=$2" clone --quiet -- "$1" "$scratch/repo"
            else
              git -c credential.helper= clone --quiet -- "$1" "$scratch/repo"
            fi || { rc=$?; rm -rf "$scratch"; exit $rc; }
            cp -a "$scratch/repo/." /workspace/ && rm -rf "$scratch"
            """;

    /**
     * A git credential helper that reads the credential from its environment (set on the clone's exec only, so the
     * token is in no argument list, log or file) and gives it only for https on the repository's own host: a
     * redirect to another host gets nothing.
     */
    static final String CREDENTIAL_HELPER = "!f() { test \"$1\" = get || exit 0; p=; h=;"
            + " while IFS= read -r line && [ -n \"$line\" ]; do case \"$line\" in"
            + " protocol=*) p=${line#protocol=};; host=*) h=${line#host=};; esac; done;"
            + " if [ \"$p\" = https ] && [ \"$h\" = \"$KALPANA_GIT_HOST\" ]; then"
            + " printf 'username=%s\\npassword=%s\\n' \"$KALPANA_GIT_USER\" \"$KALPANA_GIT_TOKEN\"; fi; }; f";

    private static final String SHELL_NIX = "shell.nix";

    private WorkspaceRuntime runtime;
    private Duration cloneTimeout;
    private GitCredentialLookup credentials;
    /** Read from the class path once per template: every start asks, a warm one too (its volume may be gone). */
    private final Map<WorkspaceTemplate, List<WorkspaceFile>> templateFiles = new ConcurrentHashMap<>();

    /** For the CDI proxy only. */
    protected WorkspaceProvisioner() {
    }

    @Inject
    public WorkspaceProvisioner(WorkspaceRuntime runtime, KalpanaConfig config, GitCredentialService credentials) {
        this(runtime, config.workspaceCloneTimeout(), credentials::lookup);
    }

    public WorkspaceProvisioner(WorkspaceRuntime runtime, Duration cloneTimeout, GitCredentialLookup credentials) {
        this.runtime = runtime;
        this.cloneTimeout = cloneTimeout;
        this.credentials = credentials;
    }

    /**
     * The files a new workspace opens on: the template's, and the person's {@code shell.nix} in place of any the
     * template has, unless a repository comes too (then {@link #provision} writes it after the clone, to win over the
     * repository's).
     */
    public List<WorkspaceFile> firstFiles(WorkspaceTemplate template, Optional<RepoUrl> repo, Optional<NixConfig> nix) {
        List<WorkspaceFile> files = new ArrayList<>(templateFiles.computeIfAbsent(template,
                read -> List.copyOf(TemplateFiles.of(read))));
        if (repo.isEmpty()) {
            nix.ifPresent(config -> {
                files.removeIf(file -> file.path().equals(SHELL_NIX));
                files.add(shellNix(config));
            });
        }
        return files;
    }

    /**
     * What a new workspace needs once its container runs, the {@link #firstFiles} being in place: the repository's
     * clone, then {@code shell.nix} over the repository's. A failure is a note for the owner; the workspace runs.
     */
    public ProvisioningOutcome provision(WorkspaceId id, Username owner, Optional<RepoUrl> repo, Optional<NixConfig> nix) {
        if (repo.isEmpty()) {
            return ProvisioningOutcome.fine();
        }
        List<String> problems = new ArrayList<>();
        clone(id, owner, repo.get()).ifPresent(problems::add);
        nix.ifPresent(config -> {
            try {
                runtime.writeFiles(id, List.of(shellNix(config)));
            } catch (RuntimeException e) {
                problems.add("shell.nix could not be written (" + describe(e) + ")");
            }
        });
        if (problems.isEmpty()) {
            LOG.info(() -> "workspace=" + id + " provisioned with its repository");
            return ProvisioningOutcome.fine();
        }
        String problem = "The workspace is running, but " + String.join("; ", problems) + ".";
        LOG.warning(() -> "workspace=" + id + " provisioned with problems: " + problem);
        return ProvisioningOutcome.withProblem(problem);
    }

    private static WorkspaceFile shellNix(NixConfig config) {
        return WorkspaceFile.text(SHELL_NIX, config.text());
    }

    /** The reason the clone failed, in words for the workspace's owner; empty when it worked. */
    private Optional<String> clone(WorkspaceId id, Username owner, RepoUrl url) {
        Optional<GitHost> host = GitHost.ofRepository(url);
        Optional<GitCredential> credential;
        try {
            credential = host.flatMap(named -> credentials.lookup(owner, named));
        } catch (RuntimeException e) {
            return Optional.of("the repository was not cloned: " + describe(e));
        }
        LOG.info(() -> "workspace=" + id + " cloning " + redact(url.value())
                + credential.map(c -> " with " + owner + "'s Git credential for " + c.host()).orElse(""));
        Map<String, String> environment = credential.map(c -> Map.of("KALPANA_GIT_HOST", c.host().value(),
                "KALPANA_GIT_USER", c.username(), "KALPANA_GIT_TOKEN", c.token().value())).orElse(Map.of());
        String helper = credential.isPresent() ? CREDENTIAL_HELPER : "";
        ExecResult result;
        try {
            result = runtime.exec(id, List.of("sh", "-c", CLONE_SCRIPT, "kalpana-clone", url.value(), helper),
                    cloneTimeout, environment);
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
        String output = credential.map(c -> scrub(result.output(), c.token())).orElse(result.output());
        return Optional.of("the repository could not be cloned (git: " + lastLine(output) + ")"
                + signInHint(output, host, credential.isPresent()));
    }

    /** git never prints the password it was given; should a server echo it back, it still goes no further. */
    static String scrub(String output, GitToken token) {
        return output.replace(token.value(), "***");
    }

    /** When the host asked for a sign-in, what to do about it, in the words of the page where it is done. */
    private static String signInHint(String output, Optional<GitHost> host, boolean hadCredential) {
        boolean signInRefused = output.contains("could not read Username") || output.contains("Authentication failed")
                || output.contains("terminal prompts disabled") || output.contains("returned error: 403");
        if (!signInRefused || host.isEmpty()) {
            return "";
        }
        return hadCredential
                ? "; the host refused your Git credential for " + host.get() + ": replace it under Git credentials"
                : "; the host asks for a sign-in: add a Git credential for " + host.get() + " under Git credentials";
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
