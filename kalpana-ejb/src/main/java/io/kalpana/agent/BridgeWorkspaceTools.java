package io.kalpana.agent;

import io.kalpana.bridge.client.BridgeClient;
import io.kalpana.bridge.client.BridgeRefusedException;
import io.kalpana.bridge.client.BridgeUnavailableException;
import io.kalpana.bridge.client.ExecHandle;
import io.kalpana.bridge.client.ExecListener;
import io.kalpana.bridge.protocol.ContentEncoding;
import io.kalpana.bridge.protocol.EntryType;
import io.kalpana.bridge.protocol.ExecExit;
import io.kalpana.bridge.protocol.ExecRequest;
import io.kalpana.bridge.protocol.ListResult;
import io.kalpana.bridge.protocol.OutputChannel;
import io.kalpana.bridge.protocol.ReadResult;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/** {@link WorkspaceTools} over a workspace's bridge. */
public final class BridgeWorkspaceTools implements WorkspaceTools {

    private final BridgeClient bridge;

    public BridgeWorkspaceTools(BridgeClient bridge) {
        this.bridge = bridge;
    }

    @Override
    public String readFile(String path) {
        ReadResult result = await(bridge.read(path));
        if (result.encoding() != ContentEncoding.TEXT) {
            throw new WorkspaceToolException(path + " is a binary file (" + result.size() + " bytes); not shown");
        }
        return result.content();
    }

    @Override
    public void writeFile(String path, String content) {
        await(bridge.write(path, content));
    }

    @Override
    public void editFile(String path, String search, String replacement) {
        await(bridge.replace(path, search, replacement));
    }

    @Override
    public FileListing listFiles(String path) {
        ListResult result = await(bridge.list(path));
        String base = result.path().equals(".") ? "" : result.path() + "/";
        List<String> paths = result.entries().stream()
                .map(entry -> relativeTo(base, entry.path()) + (entry.type() == EntryType.DIRECTORY ? "/" : ""))
                .sorted()
                .toList();
        return new FileListing(paths, result.truncated());
    }

    @Override
    public List<SearchHit> search(String regex) {
        return await(bridge.search(regex)).matches().stream()
                .map(match -> new SearchHit(match.path(), match.line(), match.text()))
                .toList();
    }

    @Override
    public RunningCommand runCommand(String command, Duration timeout, Consumer<String> output) {
        ExecHandle handle = bridge.exec(ExecRequest.of(command).withTimeout(timeout), new ExecListener() {
            @Override
            public void onOutput(OutputChannel channel, String data) {
                output.accept(data);
            }
        });
        CompletableFuture<CommandExit> exit = handle.exit().handle((result, failure) -> {
            if (failure != null) {
                throw new CompletionException(translate(failure));
            }
            return toExit(result);
        });
        return new RunningCommand() {
            @Override
            public CompletableFuture<CommandExit> exit() {
                return exit;
            }

            @Override
            public void kill() {
                handle.kill();
            }
        };
    }

    private static CommandExit toExit(ExecExit exit) {
        return new CommandExit(exit.exitCode(), exit.timedOut(), exit.killed(), Duration.ofMillis(exit.durationMillis()));
    }

    private static String relativeTo(String base, String path) {
        return !base.isEmpty() && path.startsWith(base) ? path.substring(base.length()) : path;
    }

    private static <T> T await(CompletableFuture<T> call) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkspaceUnreachableException("interrupted while waiting for the workspace", e);
        }
    }

    private static RuntimeException translate(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof BridgeRefusedException refused) {
            return new WorkspaceToolException(refused.getMessage(), refused);
        }
        if (cause instanceof WorkspaceToolException || cause instanceof WorkspaceUnreachableException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof BridgeUnavailableException) {
            return new WorkspaceUnreachableException("The workspace cannot be reached: " + cause.getMessage(), cause);
        }
        return new WorkspaceUnreachableException("The workspace did not answer: " + cause, cause);
    }
}
