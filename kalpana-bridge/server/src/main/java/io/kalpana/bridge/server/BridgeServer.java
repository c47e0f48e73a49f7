package io.kalpana.bridge.server;

import io.kalpana.bridge.protocol.BridgeLimits;
import io.kalpana.bridge.protocol.JsonCodec;
import io.kalpana.bridge.server.activity.ActivityTracker;
import io.kalpana.bridge.server.activity.IdleMemoryTrimmer;
import io.kalpana.bridge.server.concurrent.NamedThreads;
import io.kalpana.bridge.server.config.BridgeConfig;
import io.kalpana.bridge.server.exec.CommandRunner;
import io.kalpana.bridge.server.files.AtomicFileWriter;
import io.kalpana.bridge.server.files.DeleteOperation;
import io.kalpana.bridge.server.files.EditOperation;
import io.kalpana.bridge.server.files.ListOperation;
import io.kalpana.bridge.server.files.MoveOperation;
import io.kalpana.bridge.server.files.ReadOperation;
import io.kalpana.bridge.server.files.StatOperation;
import io.kalpana.bridge.server.files.TextEditor;
import io.kalpana.bridge.server.files.WriteOperation;
import io.kalpana.bridge.server.search.JavaSearchEngine;
import io.kalpana.bridge.server.search.RipgrepSearchEngine;
import io.kalpana.bridge.server.search.SearchEngine;
import io.kalpana.bridge.server.search.SearchOperation;
import io.kalpana.bridge.server.security.TokenAuthenticator;
import io.kalpana.bridge.server.security.WorkspaceRoot;
import io.kalpana.bridge.server.transport.BridgeContainer;
import io.kalpana.bridge.server.transport.FileOperations;
import io.kalpana.bridge.server.transport.RequestDispatcher;
import io.kalpana.bridge.server.transport.WebSocketRoute;
import jakarta.websocket.DeploymentException;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Wires the services of one bridge and owns their threads and the WebSocket container. */
public final class BridgeServer {

    /** File operations in parallel across all clients; idle workers exit so an idle bridge stays small. */
    private static final int WORKER_THREADS = 16;
    private static final int MAX_LIST_ENTRIES = 5000;
    private static final Duration IDLE_CHECK = Duration.ofSeconds(15);

    private final BridgeConfig config;
    private final ThreadPoolExecutor workers;
    private final ExecutorService execThreads;
    private final ScheduledThreadPoolExecutor scheduler;
    private final BridgeContainer container;
    private final CommandRunner commands;
    private final IdleMemoryTrimmer trimmer;

    public BridgeServer(BridgeConfig config) throws IOException, DeploymentException {
        this.config = config;
        this.workers = new ThreadPoolExecutor(WORKER_THREADS, WORKER_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new NamedThreads("bridge-worker"));
        workers.allowCoreThreadTimeOut(true);
        this.execThreads = Executors.newCachedThreadPool(new NamedThreads("bridge-exec"));
        this.scheduler = new ScheduledThreadPoolExecutor(1, new NamedThreads("bridge-timer"));
        scheduler.setRemoveOnCancelPolicy(true);

        JsonCodec json = new JsonCodec();
        Clock clock = Clock.systemUTC();
        WorkspaceRoot root = new WorkspaceRoot(config.root());
        ActivityTracker activity = new ActivityTracker(clock);
        this.trimmer = new IdleMemoryTrimmer(activity, clock, IDLE_CHECK);
        AtomicFileWriter writer = new AtomicFileWriter();
        SearchEngine engine = config.ripgrep()
                .<SearchEngine>map(rg -> new RipgrepSearchEngine(rg, root, json))
                .orElseGet(() -> new JavaSearchEngine(root));
        FileOperations files = new FileOperations(
                new ReadOperation(root, config.maxRead()),
                new WriteOperation(root, writer),
                new EditOperation(root, writer, new TextEditor()),
                new ListOperation(root, MAX_LIST_ENTRIES),
                new SearchOperation(root, engine),
                new StatOperation(root),
                new DeleteOperation(root),
                new MoveOperation(root));
        this.commands = new CommandRunner(root, config, execThreads, scheduler, activity);
        BridgeLimits limits = new BridgeLimits(config.maxMessage().bytes(), config.maxRead().bytes(),
                config.maxOutput().bytes(), config.maxConcurrentCommands(),
                config.defaultExecTimeout().toMillis(), config.maxExecTimeout().toMillis());
        RequestDispatcher dispatcher = new RequestDispatcher(json, workers, activity, files, commands, limits,
                capabilities(config), clock);

        int maxMessage = config.maxMessage().asIntCapped();
        // frames are buffered up to twice the limit so that the session's own size check, which
        // answers with close code 1009, sees a slightly oversized message before the frame buffer overflows
        int frameBuffer = (int) Math.min(Integer.MAX_VALUE - 1024L, 2L * maxMessage + 1024);
        this.container = new BridgeContainer(config.bindAddress(), frameBuffer);
        container.addEndpoint(new WebSocketRoute(new TokenAuthenticator(config.token()), dispatcher, json, workers,
                maxMessage).config());
    }

    public void start() throws IOException, DeploymentException {
        container.start("/", config.port());
        scheduler.scheduleWithFixedDelay(trimmer, IDLE_CHECK.toSeconds(), IDLE_CHECK.toSeconds(), TimeUnit.SECONDS);
    }

    public int port() {
        return container.getPort();
    }

    public void stop() {
        commands.killAll();
        container.stop();
        workers.shutdownNow();
        execThreads.shutdownNow();
        scheduler.shutdownNow();
    }

    private static List<String> capabilities(BridgeConfig config) {
        List<String> capabilities = new ArrayList<>(List.of("read.lines", "read.base64", "write.atomic",
                "edit.replace", "edit.insert", "list.gitignore", "exec.stream", "exec.stdin", "exec.signals",
                "exec.base64", "activity"));
        capabilities.add(config.ripgrep().isPresent() ? "search.ripgrep" : "search.java");
        return capabilities;
    }
}
