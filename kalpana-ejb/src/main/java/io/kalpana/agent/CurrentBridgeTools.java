package io.kalpana.agent;

import io.kalpana.bridge.client.BridgeClient;
import io.kalpana.bridge.client.BridgeClientConfig;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The agent's tools over whatever bridge the workspace has at the moment of each call. A conversation outlives
 * workspace restarts, and each start brings new ports and a new token, so the address is looked up every time
 * and the client replaced when it changed. A client whose bridge became unreachable is replaced too, so a
 * bridge that the container restarted is found again by the next call. The lookup throws
 * {@link WorkspaceUnreachableException} for a workspace that is not running.
 */
public final class CurrentBridgeTools implements WorkspaceTools, AutoCloseable {

    private static final Duration BRIDGE_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration BRIDGE_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Supplier<BridgeAddress> address;
    private final Function<BridgeClientConfig, BridgeClient> clients;
    private BridgeAddress connectedTo;
    private BridgeClient client;
    private BridgeWorkspaceTools tools;

    public CurrentBridgeTools(Supplier<BridgeAddress> address, Function<BridgeClientConfig, BridgeClient> clients) {
        this.address = address;
        this.clients = clients;
    }

    private synchronized WorkspaceTools current() {
        BridgeAddress now = address.get();
        if (!now.equals(connectedTo)) {
            close();
            client = clients.apply(BridgeClientConfig.of(now.endpoint(), now.token())
                    .withRequestTimeout(BRIDGE_REQUEST_TIMEOUT).withConnectTimeout(BRIDGE_CONNECT_TIMEOUT));
            tools = new BridgeWorkspaceTools(client);
            connectedTo = now;
        }
        return tools;
    }

    @Override
    public String readFile(String path) {
        return onCurrent(tools -> tools.readFile(path));
    }

    @Override
    public void writeFile(String path, String content) {
        onCurrent(tools -> {
            tools.writeFile(path, content);
            return null;
        });
    }

    @Override
    public void editFile(String path, String search, String replacement) {
        onCurrent(tools -> {
            tools.editFile(path, search, replacement);
            return null;
        });
    }

    @Override
    public FileListing listFiles(String path) {
        return onCurrent(tools -> tools.listFiles(path));
    }

    @Override
    public List<SearchHit> search(String regex) {
        return onCurrent(tools -> tools.search(regex));
    }

    @Override
    public RunningCommand runCommand(String command, Duration timeout, Consumer<String> output) {
        WorkspaceTools used = current();
        RunningCommand running = onCurrent(tools -> tools.runCommand(command, timeout, output));
        running.exit().whenComplete((exit, failure) -> {
            if (failure != null && unreachable(failure)) {
                forget(used);
            }
        });
        return running;
    }

    private <T> T onCurrent(Function<WorkspaceTools, T> call) {
        WorkspaceTools used = current();
        try {
            return call.apply(used);
        } catch (WorkspaceUnreachableException e) {
            forget(used);
            throw e;
        }
    }

    /** Drops the client if it is still the current one; the next call connects afresh. */
    private synchronized void forget(WorkspaceTools broken) {
        if (tools == broken) {
            close();
        }
    }

    private static boolean unreachable(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof WorkspaceUnreachableException)) {
            cause = cause.getCause();
        }
        return cause != null;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
        client = null;
        tools = null;
        connectedTo = null;
    }
}
