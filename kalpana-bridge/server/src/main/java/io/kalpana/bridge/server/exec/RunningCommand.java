package io.kalpana.bridge.server.exec;

import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.ExecExit;
import io.kalpana.bridge.protocol.OutputChannel;
import io.kalpana.bridge.server.OperationFailedException;
import io.kalpana.bridge.server.concurrent.SerialExecutor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One started command. Events are emitted under one lock so that nothing is sent after the exit event,
 * even by a pump still draining a pipe held open by an escaped grandchild.
 */
public final class RunningCommand {

    private static final Logger LOG = Logger.getLogger(RunningCommand.class.getName());
    /** How long pipes may keep delivering after the process group was killed. */
    private static final long DRAIN_MILLIS = 2000;

    private final Process process;
    private final ProcessGroup group;
    private final ExecEvents events;
    private final OutputBudget budget;
    private final SerialExecutor stdin;
    private final long startNanos = System.nanoTime();
    private final CompletableFuture<ExecExit> finished = new CompletableFuture<>();
    private final Object emitLock = new Object();
    private boolean exited;
    private volatile boolean timedOut;
    private volatile boolean killed;
    private volatile boolean stdinClosed;
    private volatile ScheduledFuture<?> timeout;

    RunningCommand(Process process, ExecEvents events, OutputBudget budget, Executor pool, boolean keepStdinOpen) {
        this.process = process;
        this.group = new ProcessGroup(process.pid());
        this.events = events;
        this.budget = budget;
        this.stdin = new SerialExecutor(pool);
        this.stdinClosed = !keepStdinOpen;
    }

    public long pid() {
        return process.pid();
    }

    public CompletableFuture<ExecExit> finished() {
        return finished;
    }

    void setTimeout(ScheduledFuture<?> task) {
        this.timeout = task;
    }

    void emit(OutputChannel channel, EncodedOutput data) {
        synchronized (emitLock) {
            if (!exited) {
                events.output(channel, data);
            }
        }
    }

    /** Runs on its own thread: waits for the process, cleans up its group, then reports the exit. */
    void awaitExit(OutputPump stdout, OutputPump stderr) {
        try {
            int code = process.waitFor();
            ScheduledFuture<?> task = timeout;
            if (task != null) {
                task.cancel(false);
            }
            // background jobs of the command must not outlive it (and would keep the pipes open)
            group.signal(Signal.KILL);
            boolean drained = stdout.awaitDrained(DRAIN_MILLIS) & stderr.awaitDrained(DRAIN_MILLIS);
            if (!drained) {
                LOG.log(Level.WARNING, "command {0}: a process outside its group still holds its output open",
                        process.pid());
            }
            ExecExit exit = new ExecExit(code, (System.nanoTime() - startNanos) / 1_000_000, timedOut, killed,
                    budget.truncated(), budget.produced());
            synchronized (emitLock) {
                exited = true;
                events.exited(exit);
            }
            finished.complete(exit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            finished.completeExceptionally(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reporting the exit of command " + process.pid() + " failed", e);
            finished.completeExceptionally(e);
        }
    }

    void onTimeout() {
        timedOut = true;
        terminate();
    }

    public void kill() {
        killed = true;
        terminate();
    }

    public void interrupt() {
        group.signal(Signal.INT);
    }

    /** Writes in request order; completes once the bytes are in the pipe. */
    public CompletableFuture<Void> writeInput(String data, boolean close) {
        if (stdinClosed) {
            return CompletableFuture.failedFuture(new OperationFailedException(ErrorCode.BAD_REQUEST,
                    "stdin of this command is closed (start it with \"stdin\": true to keep it open)"));
        }
        if (close) {
            stdinClosed = true;
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        stdin.execute(() -> {
            try {
                OutputStream pipe = process.getOutputStream();
                pipe.write(data.getBytes(StandardCharsets.UTF_8));
                pipe.flush();
                if (close) {
                    pipe.close();
                }
                written.complete(null);
            } catch (IOException e) {
                written.completeExceptionally(new OperationFailedException(ErrorCode.IO_ERROR,
                        "writing to stdin failed: " + e.getMessage()));
            }
        });
        return written;
    }

    private void terminate() {
        if (!group.signal(Signal.KILL)) {
            // the group may not exist yet if setsid has not run; the process itself certainly does
            process.destroyForcibly();
        }
    }
}
