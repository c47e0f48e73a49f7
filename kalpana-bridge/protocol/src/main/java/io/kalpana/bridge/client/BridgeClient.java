package io.kalpana.bridge.client;

import io.kalpana.bridge.protocol.AckResult;
import io.kalpana.bridge.protocol.ActivityRequest;
import io.kalpana.bridge.protocol.ActivityResult;
import io.kalpana.bridge.protocol.BridgeError;
import io.kalpana.bridge.protocol.BridgeRequest;
import io.kalpana.bridge.protocol.DeleteRequest;
import io.kalpana.bridge.protocol.EditRequest;
import io.kalpana.bridge.protocol.EditResult;
import io.kalpana.bridge.protocol.ExecExit;
import io.kalpana.bridge.protocol.ExecRequest;
import io.kalpana.bridge.protocol.ExecStarted;
import io.kalpana.bridge.protocol.HelloRequest;
import io.kalpana.bridge.protocol.HelloResult;
import io.kalpana.bridge.protocol.JsonCodec;
import io.kalpana.bridge.protocol.ListRequest;
import io.kalpana.bridge.protocol.ListResult;
import io.kalpana.bridge.protocol.MessageType;
import io.kalpana.bridge.protocol.Messages;
import io.kalpana.bridge.protocol.MoveRequest;
import io.kalpana.bridge.protocol.Op;
import io.kalpana.bridge.protocol.OutputChannel;
import io.kalpana.bridge.protocol.OutputFrame;
import io.kalpana.bridge.protocol.PathResult;
import io.kalpana.bridge.protocol.PingRequest;
import io.kalpana.bridge.protocol.PongResult;
import io.kalpana.bridge.protocol.ProtocolException;
import io.kalpana.bridge.protocol.ProtocolVersion;
import io.kalpana.bridge.protocol.ReadRequest;
import io.kalpana.bridge.protocol.ReadResult;
import io.kalpana.bridge.protocol.RequestId;
import io.kalpana.bridge.protocol.SearchRequest;
import io.kalpana.bridge.protocol.SearchResult;
import io.kalpana.bridge.protocol.ServerMessage;
import io.kalpana.bridge.protocol.SignalRequest;
import io.kalpana.bridge.protocol.StatRequest;
import io.kalpana.bridge.protocol.StatResult;
import io.kalpana.bridge.protocol.StdinRequest;
import io.kalpana.bridge.protocol.WorkspacePath;
import io.kalpana.bridge.protocol.WriteRequest;
import io.kalpana.bridge.protocol.WriteResult;
import jakarta.json.JsonObject;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.WebSocketContainer;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asynchronous client of one workspace bridge. Thread-safe; one instance per workspace.
 * The connection is opened lazily and re-opened after a drop (with backoff, within each request's timeout),
 * so callers just issue requests. Requests that were in flight when a connection dropped fail with
 * {@link BridgeUnavailableException}; they are not replayed because they may already have taken effect.
 */
public final class BridgeClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BridgeClient.class.getName());
    private static final String TYRUS_INCOMING_BUFFER = "org.glassfish.tyrus.incomingBufferSize";
    private static final long FIRST_RETRY_DELAY_MILLIS = 50;
    private static final int RAW_HEADER_MAX_BYTES = 1024;

    private final BridgeClientConfig config;
    private final WebSocketContainer container;
    private final JsonCodec json;
    private final ScheduledExecutorService scheduler;
    private final Map<RequestId, PendingCall<?>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Object connectLock = new Object();
    private BridgeConnection current;
    private CompletableFuture<BridgeConnection> connecting;
    private volatile HelloResult serverInfo;
    private volatile boolean closed;

    public BridgeClient(BridgeClientConfig config, WebSocketContainer container, JsonCodec json) {
        this.config = config;
        this.container = container;
        this.json = json;
        this.scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "kalpana-bridge-client");
            thread.setDaemon(true);
            return thread;
        });
    }

    public BridgeClient(BridgeClientConfig config, WebSocketContainer container) {
        this(config, container, new JsonCodec());
    }

    /** Uses the container of the runtime (Tyrus in Payara). */
    public static BridgeClient create(BridgeClientConfig config) {
        return new BridgeClient(config, ContainerProvider.getWebSocketContainer());
    }

    /** Connects now (otherwise the first request does) and returns the server's hello. */
    public CompletableFuture<HelloResult> connect() {
        return connection(System.nanoTime() + config.requestTimeout().toNanos()).thenApply(c -> serverInfo);
    }

    /** The hello of the current or last connection, if any. */
    public Optional<HelloResult> serverInfo() {
        return Optional.ofNullable(serverInfo);
    }

    public boolean isConnected() {
        synchronized (connectLock) {
            return current != null && current.isOpen();
        }
    }

    public <R> CompletableFuture<R> call(BridgeRequest<R> request) {
        return call(request, config.requestTimeout());
    }

    public <R> CompletableFuture<R> call(BridgeRequest<R> request, Duration timeout) {
        return submit(request, timeout, ExecListener.IGNORE).future;
    }

    public CompletableFuture<ReadResult> read(String path) {
        return call(ReadRequest.whole(path));
    }

    public CompletableFuture<WriteResult> write(String path, String content) {
        return call(WriteRequest.text(path, content));
    }

    public CompletableFuture<EditResult> replace(String path, String search, String replacement) {
        return call(EditRequest.replace(path, search, replacement));
    }

    public CompletableFuture<EditResult> insert(String path, int line, String text) {
        return call(EditRequest.insert(path, line, text));
    }

    public CompletableFuture<ListResult> list(String path) {
        return call(ListRequest.of(path));
    }

    public CompletableFuture<SearchResult> search(String pattern) {
        return call(SearchRequest.of(pattern));
    }

    public CompletableFuture<StatResult> stat(String path) {
        return call(new StatRequest(WorkspacePath.of(path)));
    }

    public CompletableFuture<PathResult> delete(String path, boolean recursive) {
        return call(new DeleteRequest(WorkspacePath.of(path), recursive));
    }

    public CompletableFuture<PathResult> move(String from, String to, boolean overwrite) {
        return call(new MoveRequest(WorkspacePath.of(from), WorkspacePath.of(to), overwrite));
    }

    public CompletableFuture<ActivityResult> activity() {
        return call(new ActivityRequest());
    }

    public CompletableFuture<PongResult> ping() {
        return call(new PingRequest());
    }

    public ExecHandle exec(String command, ExecListener listener) {
        return exec(ExecRequest.of(command), listener);
    }

    /** Starts a command; the handle's exit future is bounded by the command's timeout plus the exec grace. */
    public ExecHandle exec(ExecRequest request, ExecListener listener) {
        Duration commandTimeout = request.timeout().orElseGet(() -> serverInfo()
                .map(info -> Duration.ofMillis(info.limits().defaultExecTimeoutMillis()))
                .filter(d -> !d.isZero())
                .orElse(Duration.ofHours(1)));
        PendingCall<ExecExit> call = submit(request, commandTimeout.plus(config.execGrace()), listener);
        return new RunningExec(call.id, call.future);
    }

    @Override
    public void close() {
        closed = true;
        BridgeConnection open;
        synchronized (connectLock) {
            open = current;
            current = null;
        }
        failAll(call -> true, () -> new BridgeUnavailableException("bridge client closed"));
        if (open != null) {
            open.close();
        }
        scheduler.shutdownNow();
    }

    private <R> PendingCall<R> submit(BridgeRequest<R> request, Duration timeout, ExecListener listener) {
        PendingCall<R> call = new PendingCall<>(new RequestId("k" + ids.incrementAndGet()), request, listener);
        if (closed) {
            call.future.completeExceptionally(new BridgeUnavailableException("bridge client closed"));
            return call;
        }
        pending.put(call.id, call);
        call.timeoutTask = scheduler.schedule(() -> expire(call, timeout), timeout.toMillis(), TimeUnit.MILLISECONDS);
        connection(System.nanoTime() + timeout.toNanos()).whenComplete((connection, failure) -> {
            if (failure != null) {
                fail(call, unwrap(failure));
            } else {
                sendOn(connection, call);
            }
        });
        return call;
    }

    private void sendOn(BridgeConnection connection, PendingCall<?> call) {
        call.connection = connection;
        try {
            connection.send(Messages.request(json.builders(), call.id, call.request));
        } catch (BridgeException e) {
            fail(call, e);
        }
    }

    private void expire(PendingCall<?> call, Duration timeout) {
        if (!pending.remove(call.id, call)) {
            return;
        }
        BridgeConnection connection = call.connection;
        // never sent means the bridge was unreachable the whole time: that is worth retrying later
        call.future.completeExceptionally(connection == null
                ? new BridgeUnavailableException("bridge at " + config.endpoint() + " not reachable within "
                        + timeout.toMillis() + " ms")
                : new BridgeTimeoutException(call.request.op().wireName(), timeout));
        if (call.request.op() == Op.EXEC && connection != null && connection.isOpen()) {
            // nobody waits for this command any more; do not leave it running in the workspace
            submit(SignalRequest.kill(call.id), config.requestTimeout(), ExecListener.IGNORE);
        }
    }

    private CompletableFuture<BridgeConnection> connection(long deadlineNanos) {
        synchronized (connectLock) {
            if (closed) {
                return CompletableFuture.failedFuture(new BridgeUnavailableException("bridge client closed"));
            }
            if (current != null && current.isOpen()) {
                return CompletableFuture.completedFuture(current);
            }
            if (connecting == null) {
                CompletableFuture<BridgeConnection> attempt = new CompletableFuture<>();
                connecting = attempt;
                scheduler.execute(() -> attemptConnect(attempt, deadlineNanos, FIRST_RETRY_DELAY_MILLIS));
            }
            return connecting;
        }
    }

    private void attemptConnect(CompletableFuture<BridgeConnection> attempt, long deadlineNanos, long delayMillis) {
        try {
            BridgeConnection opened = openAndGreet();
            synchronized (connectLock) {
                current = opened;
                connecting = null;
            }
            attempt.complete(opened);
        } catch (BridgeException e) {
            boolean retry = !(e instanceof BridgeAuthenticationException) && !closed
                    && System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis) < deadlineNanos;
            if (retry) {
                LOG.log(Level.FINE, "bridge connect failed, retrying in {0} ms: {1}",
                        new Object[] {delayMillis, e.getMessage()});
                long next = Math.min(delayMillis * 2, config.maxReconnectDelay().toMillis());
                scheduler.schedule(() -> attemptConnect(attempt, deadlineNanos, next), delayMillis,
                        TimeUnit.MILLISECONDS);
            } else {
                synchronized (connectLock) {
                    connecting = null;
                }
                attempt.completeExceptionally(e);
            }
        } catch (RuntimeException e) {
            synchronized (connectLock) {
                connecting = null;
            }
            attempt.completeExceptionally(new BridgeUnavailableException("bridge connect failed: " + e, e));
        }
    }

    /**
     * A plain HTTP request first: a published port whose bridge is down (restarting) still accepts TCP through
     * Docker's proxy, and the WebSocket handshake would then hang for Tyrus's 30 s handshake timeout instead of
     * failing at once and being retried.
     */
    private void requireAnswering() {
        URI http = URI.create(config.endpoint().toString().replaceFirst("^ws", "http"));
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis());
        try {
            HttpURLConnection probe = (HttpURLConnection) http.toURL().openConnection();
            probe.setConnectTimeout(timeoutMillis);
            probe.setReadTimeout(timeoutMillis);
            try {
                probe.getResponseCode();
            } finally {
                probe.disconnect();
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new BridgeUnavailableException("bridge at " + config.endpoint() + " does not answer: " + e, e);
        }
    }

    private BridgeConnection openAndGreet() {
        requireAnswering();
        ClientSocketEndpoint endpoint = new ClientSocketEndpoint(this);
        ClientEndpointConfig endpointConfig = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        headers.put("Authorization", List.of("Bearer " + config.token()));
                    }
                })
                .build();
        endpointConfig.getUserProperties().put(TYRUS_INCOMING_BUFFER, ClientSocketEndpoint.MAX_MESSAGE_CHARS);
        BridgeConnection connection;
        try {
            container.connectToServer(endpoint, endpointConfig, config.endpoint());
            connection = endpoint.opened.get(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (DeploymentException | IOException | ExecutionException | TimeoutException e) {
            throw new BridgeUnavailableException("cannot connect to bridge at " + config.endpoint() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BridgeUnavailableException("interrupted while connecting to the bridge", e);
        }
        PendingCall<HelloResult> hello = new PendingCall<>(new RequestId("k" + ids.incrementAndGet()),
                new HelloRequest(ProtocolVersion.CURRENT, config.clientName(), true), ExecListener.IGNORE);
        pending.put(hello.id, hello);
        sendOn(connection, hello);
        try {
            serverInfo = hello.future.get(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return connection;
        } catch (ExecutionException e) {
            connection.close();
            throw refusedOr(connection, unwrap(e));
        } catch (TimeoutException e) {
            pending.remove(hello.id);
            connection.close();
            throw refusedOr(connection, new BridgeTimeoutException("hello", config.connectTimeout()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connection.close();
            throw new BridgeUnavailableException("interrupted while greeting the bridge", e);
        }
    }

    private static BridgeException refusedOr(BridgeConnection connection, BridgeException failure) {
        return connection.wasRefusedByPolicy()
                ? new BridgeAuthenticationException("bridge refused the token (close code 1008)")
                : failure;
    }

    /** Raw output is a one-line JSON header, a newline, then the bytes; anything else is UTF-8 JSON. */
    void onBinaryMessage(ByteBuffer bytes) {
        int limit = Math.min(bytes.remaining(), RAW_HEADER_MAX_BYTES);
        for (int i = 0; i < limit; i++) {
            if (bytes.get(bytes.position() + i) == '\n') {
                ByteBuffer header = bytes.slice().limit(i);
                deliverRaw(ClientSocketEndpoint.utf8(header), bytes.position(bytes.position() + i + 1));
                return;
            }
        }
        onMessage(ClientSocketEndpoint.utf8(bytes));
    }

    private void deliverRaw(String headerText, ByteBuffer payload) {
        ServerMessage header;
        try {
            header = ServerMessage.fromJson(json.parseObject(headerText));
        } catch (ProtocolException e) {
            LOG.log(Level.WARNING, "ignoring unreadable binary message from bridge: {0}", e.getMessage());
            return;
        }
        PendingCall<?> call = header.id().map(pending::get).orElse(null);
        if (call == null || (header.type() != MessageType.STDOUT && header.type() != MessageType.STDERR)) {
            return;
        }
        byte[] data = new byte[payload.remaining()];
        payload.get(data);
        OutputChannel channel = header.type() == MessageType.STDOUT ? OutputChannel.STDOUT : OutputChannel.STDERR;
        notifyListener(call, () -> call.listener.onOutputBytes(channel, data));
    }

    void onMessage(String text) {
        Optional<OutputFrame> output = OutputFrame.tryRead(text);
        if (output.isPresent()) {
            OutputFrame frame = output.get();
            PendingCall<?> call = pending.get(frame.id());
            if (call != null) {
                notifyListener(call, () -> call.listener.onOutput(frame.channel(), frame.data()));
            }
            return;
        }
        ServerMessage message;
        try {
            message = ServerMessage.fromJson(json.parseObject(text));
        } catch (ProtocolException e) {
            LOG.log(Level.WARNING, "ignoring unreadable message from bridge: {0}", e.getMessage());
            return;
        }
        if (message.id().isEmpty()) {
            LOG.log(Level.WARNING, "bridge reported an error for an unidentifiable request: {0}",
                    message.error().message());
            return;
        }
        PendingCall<?> call = pending.get(message.id().get());
        if (call == null) {
            LOG.log(Level.FINE, "late message for {0} dropped", message.id().get());
            return;
        }
        switch (message.type()) {
            case RESULT, EXIT -> {
                if (pending.remove(call.id, call)) {
                    succeed(call, message.result());
                }
            }
            case ERROR -> {
                BridgeError error = message.error();
                fail(call, new BridgeRefusedException(error.code(), error.message()));
            }
            case STARTED -> notifyListener(call, () -> call.listener.onStarted(
                    ExecStarted.fromJson(message.result()).pid()));
            case STDOUT -> notifyListener(call, () -> call.listener.onOutput(OutputChannel.STDOUT, message.data()));
            case STDERR -> notifyListener(call, () -> call.listener.onOutput(OutputChannel.STDERR, message.data()));
        }
    }

    void onClosed(BridgeConnection connection, CloseReason reason) {
        synchronized (connectLock) {
            if (current == connection) {
                current = null;
            }
        }
        LOG.log(Level.FINE, "bridge connection closed: {0}", reason);
        failAll(call -> call.connection == connection, () -> connection.wasRefusedByPolicy()
                ? new BridgeAuthenticationException("bridge refused the token (close code 1008)")
                : new BridgeUnavailableException("connection to bridge closed ("
                        + reason.getCloseCode().getCode() + " " + reason.getReasonPhrase() + ")"));
    }

    private void failAll(Predicate<PendingCall<?>> which,
                         Supplier<BridgeException> failure) {
        pending.values().stream().filter(which).forEach(call -> fail(call, failure.get()));
    }

    private <R> void succeed(PendingCall<R> call, JsonObject result) {
        call.cancelTimeout();
        R value;
        try {
            value = call.request.decodeResult(result);
        } catch (RuntimeException e) {
            call.future.completeExceptionally(new BridgeException("unreadable " + call.request.op().wireName()
                    + " result from bridge: " + e.getMessage(), e));
            return;
        }
        config.callbackExecutor().execute(() -> call.future.complete(value));
    }

    private void fail(PendingCall<?> call, BridgeException failure) {
        if (pending.remove(call.id, call) || !call.future.isDone()) {
            call.cancelTimeout();
            config.callbackExecutor().execute(() -> call.future.completeExceptionally(failure));
        }
    }

    private static void notifyListener(PendingCall<?> call, Runnable notification) {
        try {
            notification.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "exec listener of " + call.id + " failed", e);
        }
    }

    private static BridgeException unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof BridgeException bridge ? bridge
                : new BridgeUnavailableException("bridge call failed: " + cause, cause);
    }

    /** Control requests go out like any other request and are answered with an ack. */
    private final class RunningExec implements ExecHandle {

        private final RequestId id;
        private final CompletableFuture<ExecExit> exit;

        RunningExec(RequestId id, CompletableFuture<ExecExit> exit) {
            this.id = id;
            this.exit = exit;
        }

        @Override
        public RequestId id() {
            return id;
        }

        @Override
        public CompletableFuture<ExecExit> exit() {
            return exit;
        }

        @Override
        public CompletableFuture<AckResult> sendInput(String text) {
            return call(new StdinRequest(id, text, false));
        }

        @Override
        public CompletableFuture<AckResult> closeInput() {
            return call(new StdinRequest(id, "", true));
        }

        @Override
        public CompletableFuture<AckResult> interrupt() {
            return call(SignalRequest.interrupt(id));
        }

        @Override
        public CompletableFuture<AckResult> kill() {
            return call(SignalRequest.kill(id));
        }
    }
}
