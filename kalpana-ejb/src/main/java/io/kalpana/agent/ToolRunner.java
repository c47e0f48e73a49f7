package io.kalpana.agent;

import io.kalpana.workspace.WorkspaceId;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Runs the model's tool calls in the workspace, applying the command rules. */
final class ToolRunner {

    private static final Logger LOG = Logger.getLogger(ToolRunner.class.getName());
    /** How long a killed command may take to report its end before the turn stops waiting for it. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final WorkspaceId workspace;
    private final WorkspaceTools tools;
    private final CommandPolicy policy;
    private final CommandApprover approver;
    private final Duration commandTimeout;
    private final ToolOutputLimit limit;

    ToolRunner(WorkspaceId workspace, WorkspaceTools tools, CommandPolicy policy, CommandApprover approver,
               Duration commandTimeout, ToolOutputLimit limit) {
        this.workspace = workspace;
        this.tools = tools;
        this.policy = policy;
        this.approver = approver;
        this.commandTimeout = commandTimeout;
        this.limit = limit;
    }

    /**
     * Runs one call. A refused call becomes a failed result the model reads; an unreachable workspace and a
     * cancelled turn propagate as exceptions.
     */
    ToolResult run(ToolCall call, AgentEventListener listener, CancelSignal cancel) {
        try {
            ToolArguments arguments = ToolArguments.parse(call.name(), call.arguments());
            return switch (call.name()) {
                case ToolCatalog.READ_FILE -> readFile(arguments.required("path"));
                case ToolCatalog.WRITE_FILE -> writeFile(arguments.required("path"), arguments.required("content"));
                case ToolCatalog.EDIT_FILE -> editFile(arguments.required("path"), arguments.required("search"),
                        arguments.required("replace"));
                case ToolCatalog.LIST_FILES -> listFiles(arguments.optional("path").orElse("."));
                case ToolCatalog.SEARCH -> search(arguments.required("pattern"));
                case ToolCatalog.RUN_COMMAND -> runCommand(call, arguments.required("command"), listener, cancel);
                default -> ToolResult.failure("there is no tool '" + call.name() + "'; the tools are "
                        + ToolCatalog.specifications().stream().map(spec -> spec.name())
                        .collect(Collectors.joining(", ")));
            };
        } catch (WorkspaceToolException e) {
            return ToolResult.failure(e.getMessage());
        }
    }

    private ToolResult readFile(String path) {
        String content = tools.readFile(path);
        long lines = content.isEmpty() ? 0 : content.lines().count();
        return ToolResult.success("read " + path + " (" + lines + " lines)", content, limit);
    }

    private ToolResult writeFile(String path, String content) {
        tools.writeFile(path, content);
        String done = "wrote " + path + " (" + content.length() + " characters)";
        return ToolResult.success(done, done, limit);
    }

    private ToolResult editFile(String path, String search, String replacement) {
        tools.editFile(path, search, replacement);
        String done = "edited " + path;
        return ToolResult.success(done, done, limit);
    }

    private ToolResult listFiles(String path) {
        FileListing listing = tools.listFiles(path);
        String text = listing.paths().isEmpty() ? "(no files)" : String.join("\n", listing.paths());
        if (listing.truncated()) {
            text += "\n(listing truncated; list a subdirectory to see more)";
        }
        return ToolResult.success(listing.paths().size() + " entries in " + path, text, limit);
    }

    private ToolResult search(String pattern) {
        List<SearchHit> hits = tools.search(pattern);
        String text = hits.isEmpty() ? "no matches" : hits.stream()
                .map(hit -> hit.path() + ":" + hit.line() + ": " + hit.text())
                .collect(Collectors.joining("\n"));
        return ToolResult.success(hits.size() + " matches for " + pattern, text, limit);
    }

    private ToolResult runCommand(ToolCall call, String command, AgentEventListener listener, CancelSignal cancel) {
        CommandVerdict verdict = policy.judge(command);
        String rule = verdict.rule().orElse("");
        if (verdict.decision() == CommandVerdict.Decision.DENY) {
            LOG.log(Level.INFO, "workspace={0} agent command refused by deny rule {1}", new Object[] {workspace, rule});
            return ToolResult.failure("refused: this workspace never runs commands matching the rule '" + rule
                    + "'. Do not try it again; find another way or ask the user to run it.");
        }
        if (verdict.decision() == CommandVerdict.Decision.CONFIRM && !approved(command, rule, cancel)) {
            LOG.log(Level.INFO, "workspace={0} agent command declined by the user", workspace);
            return ToolResult.failure("the user declined to run this command. Do not run it again unless the user"
                    + " asks for it.");
        }
        return execute(call, command, listener, cancel);
    }

    private boolean approved(String command, String rule, CancelSignal cancel) {
        try {
            return Boolean.TRUE.equals(cancel.await(approver.approve(workspace, command, rule).toCompletableFuture()));
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "workspace=" + workspace + " asking for command approval failed; declining", e.getCause());
            return false;
        }
    }

    private ToolResult execute(ToolCall call, String command, AgentEventListener listener, CancelSignal cancel) {
        StringBuilder output = new StringBuilder();
        RunningCommand running = tools.runCommand(command, commandTimeout, chunk -> {
            synchronized (output) {
                output.append(chunk);
            }
            listener.onToolOutput(call, chunk);
        });
        CompletableFuture<Void> gaveUp = new CompletableFuture<>();
        Runnable unregister = cancel.onCancel(() -> {
            running.kill();
            gaveUp.completeOnTimeout(null, KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        });
        CommandExit exit;
        try {
            CompletableFuture.anyOf(running.exit(), gaveUp).join();
            exit = running.exit().getNow(null);
        } catch (CompletionException e) {
            throw unwrap(e);
        } finally {
            unregister.run();
        }
        if (cancel.isCancelled()) {
            LOG.log(Level.INFO, "workspace={0} agent command killed because the turn was cancelled", workspace);
            throw new TurnCancelledException();
        }
        String text;
        synchronized (output) {
            text = output.toString();
        }
        String status = "exit code " + exit.exitCode()
                + (exit.timedOut() ? " (killed after the " + commandTimeout.toSeconds() + " s command timeout)" : "");
        // the status line stays outside the shortening so the model always learns how the command ended
        return ToolResult.of(exit.exitCode() == 0 && !exit.timedOut(),
                status + " after " + exit.duration().toMillis() + " ms",
                status + "\n" + limit.shorten(text), status + "\n" + text);
    }

    private static RuntimeException unwrap(CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof WorkspaceToolException || cause instanceof WorkspaceUnreachableException) {
            return (RuntimeException) cause;
        }
        return new WorkspaceUnreachableException("The command's end was not reported: " + cause, cause);
    }
}
