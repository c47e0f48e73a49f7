package io.kalpana.bridge.server.exec;

import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.ExecRequest;
import io.kalpana.bridge.protocol.OutputChannel;
import io.kalpana.bridge.server.OperationFailedException;
import io.kalpana.bridge.server.activity.ActivityTracker;
import io.kalpana.bridge.server.config.BridgeConfig;
import io.kalpana.bridge.server.security.WorkspaceRoot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts commands within the global concurrency limit and applies timeouts and output caps. */
public final class CommandRunner {

    private static final Logger LOG = Logger.getLogger(CommandRunner.class.getName());

    private final WorkspaceRoot root;
    private final Duration defaultTimeout;
    private final Duration maxTimeout;
    private final long maxOutputBytes;
    private final int maxCommands;
    private final Semaphore slots;
    private final ExecutorService threads;
    private final ScheduledExecutorService scheduler;
    private final ActivityTracker activity;
    private final Set<RunningCommand> live = ConcurrentHashMap.newKeySet();

    public CommandRunner(WorkspaceRoot root, BridgeConfig config, ExecutorService threads,
                         ScheduledExecutorService scheduler, ActivityTracker activity) {
        this.root = root;
        this.defaultTimeout = config.defaultExecTimeout();
        this.maxTimeout = config.maxExecTimeout();
        this.maxOutputBytes = config.maxOutput().bytes();
        this.maxCommands = config.maxConcurrentCommands();
        this.slots = new Semaphore(maxCommands);
        this.threads = threads;
        this.scheduler = scheduler;
        this.activity = activity;
    }

    public RunningCommand start(ExecRequest request, ExecEvents events) {
        Path cwd = request.cwd().map(root::resolve).orElse(root.path());
        if (!Files.isDirectory(cwd)) {
            throw new OperationFailedException(ErrorCode.NOT_DIRECTORY, "cwd '" + root.relative(cwd)
                    + "' is not an existing directory");
        }
        Duration timeout = request.timeout().orElse(defaultTimeout);
        if (timeout.compareTo(maxTimeout) > 0) {
            timeout = maxTimeout;
        }
        if (!slots.tryAcquire()) {
            throw new OperationFailedException(ErrorCode.TOO_MANY_COMMANDS, maxCommands
                    + " commands are already running (the limit); wait for one to finish or kill one");
        }
        try {
            return launch(request, events, cwd, timeout);
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    private RunningCommand launch(ExecRequest request, ExecEvents events, Path cwd, Duration timeout) {
        // SIGINT and SIGQUIT back at their defaults: the workspace entrypoint starts the bridge in the background of a
        // non-interactive shell, so the bridge ignores them and every command would inherit that, deaf to interrupts.
        // env execs bash in place, so the pid stays the group's id.
        ProcessBuilder builder = new ProcessBuilder("setsid", "env", "--default-signal=INT,QUIT", "bash", "-lc",
                request.command())
                .directory(cwd.toFile());
        Map<String, String> environment = builder.environment();
        // the bridge's own settings (above all its token) are none of the command's business
        environment.keySet().removeIf(name -> name.startsWith("KALPANA_BRIDGE_"));
        environment.putAll(request.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new OperationFailedException(ErrorCode.EXEC_FAILED, "cannot start command: " + e.getMessage(), e);
        }
        activity.commandStarted();
        OutputBudget budget = new OutputBudget(maxOutputBytes);
        RunningCommand command = new RunningCommand(process, events, budget, threads, request.keepStdinOpen());
        events.started(process.pid());
        if (!request.keepStdinOpen()) {
            closeQuietly(process);
        }
        OutputPump stdout = new OutputPump(process.getInputStream(), OutputChannel.STDOUT,
                ChunkEncoder.forEncoding(request.outputEncoding()), budget, command::emit);
        OutputPump stderr = new OutputPump(process.getErrorStream(), OutputChannel.STDERR,
                ChunkEncoder.forEncoding(request.outputEncoding()), budget, command::emit);
        command.setTimeout(scheduler.schedule(command::onTimeout, timeout.toMillis(), TimeUnit.MILLISECONDS));
        live.add(command);
        command.finished().whenComplete((exit, failure) -> {
            live.remove(command);
            slots.release();
            activity.commandFinished();
        });
        threads.execute(stdout);
        threads.execute(stderr);
        threads.execute(() -> command.awaitExit(stdout, stderr));
        return command;
    }

    /** On shutdown: commands must not outlive the bridge that would report on them. */
    public void killAll() {
        live.forEach(RunningCommand::kill);
    }

    public int running() {
        return maxCommands - slots.availablePermits();
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing stdin failed", e);
        }
    }
}
