package io.kalpana.bridge.server.transport;

import io.kalpana.bridge.protocol.AckResult;
import io.kalpana.bridge.protocol.BridgeLimits;
import io.kalpana.bridge.protocol.BridgeRequest;
import io.kalpana.bridge.protocol.BridgeResult;
import io.kalpana.bridge.protocol.DeleteRequest;
import io.kalpana.bridge.protocol.EditRequest;
import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.ExecRequest;
import io.kalpana.bridge.protocol.HelloRequest;
import io.kalpana.bridge.protocol.HelloResult;
import io.kalpana.bridge.protocol.IncomingRequest;
import io.kalpana.bridge.protocol.JsonCodec;
import io.kalpana.bridge.protocol.ListRequest;
import io.kalpana.bridge.protocol.MoveRequest;
import io.kalpana.bridge.protocol.PongResult;
import io.kalpana.bridge.protocol.ProtocolException;
import io.kalpana.bridge.protocol.ProtocolVersion;
import io.kalpana.bridge.protocol.ReadRequest;
import io.kalpana.bridge.protocol.RequestId;
import io.kalpana.bridge.protocol.Requests;
import io.kalpana.bridge.protocol.SearchRequest;
import io.kalpana.bridge.protocol.SignalRequest;
import io.kalpana.bridge.protocol.StatRequest;
import io.kalpana.bridge.protocol.StdinRequest;
import io.kalpana.bridge.protocol.WriteRequest;
import io.kalpana.bridge.server.OperationFailedException;
import io.kalpana.bridge.server.activity.ActivityTracker;
import io.kalpana.bridge.server.exec.CommandRunner;
import io.kalpana.bridge.server.exec.RunningCommand;
import jakarta.json.JsonObject;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decodes a message and routes it. Runs on the connection's serial intake: exec control (start, stdin,
 * signals) is handled right there so it keeps message order; file work goes to the shared worker pool
 * so a slow operation never holds up the next message.
 */
public final class RequestDispatcher {

    private static final Logger LOG = Logger.getLogger(RequestDispatcher.class.getName());

    private final JsonCodec json;
    private final Executor workers;
    private final ActivityTracker activity;
    private final FileOperations files;
    private final CommandRunner commands;
    private final HelloResult hello;
    private final Clock clock;

    public RequestDispatcher(JsonCodec json, Executor workers, ActivityTracker activity, FileOperations files,
                             CommandRunner commands, BridgeLimits limits, List<String> capabilities, Clock clock) {
        this.json = json;
        this.workers = workers;
        this.activity = activity;
        this.files = files;
        this.commands = commands;
        this.hello = new HelloResult(ProtocolVersion.CURRENT, "kalpana-bridge", capabilities, limits);
        this.clock = clock;
    }

    void onText(ClientConnection connection, String text) {
        Optional<RequestId> id = Optional.empty();
        try {
            JsonObject message = json.parseObject(text);
            id = IncomingRequest.idOf(message);
            IncomingRequest incoming = IncomingRequest.fromJson(message);
            BridgeRequest<?> request = Requests.decode(incoming);
            if (incoming.op().countsAsActivity()) {
                activity.touch();
            }
            route(connection, incoming.id(), request);
        } catch (ProtocolException e) {
            connection.sendError(id.orElse(null), e.code(), e.getMessage());
        } catch (OperationFailedException e) {
            connection.sendError(id.orElse(null), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unexpected failure handling a request", e);
            connection.sendError(id.orElse(null), ErrorCode.INTERNAL_ERROR, "internal error: " + e);
        }
    }

    private void route(ClientConnection connection, RequestId id, BridgeRequest<?> request) {
        switch (request.op()) {
            case EXEC -> startCommand(connection, id, (ExecRequest) request);
            case STDIN -> {
                StdinRequest stdin = (StdinRequest) request;
                connection.commands().get(stdin.target()).writeInput(stdin.data(), stdin.close())
                        .whenComplete((done, failure) -> {
                            if (failure instanceof OperationFailedException refused) {
                                connection.sendError(id, refused.code(), refused.getMessage());
                            } else if (failure != null) {
                                connection.sendError(id, ErrorCode.IO_ERROR, String.valueOf(failure));
                            } else {
                                connection.sendResult(id, AckResult.INSTANCE);
                            }
                        });
            }
            case INTERRUPT -> {
                connection.commands().get(((SignalRequest) request).target()).interrupt();
                connection.sendResult(id, AckResult.INSTANCE);
            }
            case KILL -> {
                connection.commands().get(((SignalRequest) request).target()).kill();
                connection.sendResult(id, AckResult.INSTANCE);
            }
            case HELLO -> {
                HelloRequest hello = (HelloRequest) request;
                connection.useBinaryOutput(hello.binaryOutput());
                offload(connection, id, () -> greet(hello));
            }
            default -> offload(connection, id, () -> perform(request));
        }
    }

    private void startCommand(ClientConnection connection, RequestId id, ExecRequest request) {
        connection.commands().reserve(id);
        RunningCommand command = commands.start(request, connection.execEvents(id));
        connection.commands().add(id, command);
    }

    private void offload(ClientConnection connection, RequestId id, Supplier<BridgeResult> work) {
        try {
            workers.execute(() -> {
                try {
                    connection.sendResult(id, work.get());
                } catch (OperationFailedException e) {
                    connection.sendError(id, e.code(), e.getMessage());
                } catch (ProtocolException e) {
                    connection.sendError(id, e.code(), e.getMessage());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "unexpected failure in request " + id, e);
                    connection.sendError(id, ErrorCode.INTERNAL_ERROR, "internal error: " + e);
                }
            });
        } catch (RejectedExecutionException e) {
            connection.sendError(id, ErrorCode.INTERNAL_ERROR, "bridge is shutting down");
        }
    }

    private BridgeResult perform(BridgeRequest<?> request) {
        return switch (request.op()) {
            case HELLO -> greet((HelloRequest) request);
            case PING -> new PongResult(clock.millis());
            case ACTIVITY -> activity.snapshot();
            case READ -> files.read().read((ReadRequest) request);
            case WRITE -> files.write().write((WriteRequest) request);
            case EDIT -> files.edit().edit((EditRequest) request);
            case LIST -> files.list().list((ListRequest) request);
            case SEARCH -> files.search().search((SearchRequest) request);
            case STAT -> files.stat().stat((StatRequest) request);
            case DELETE -> files.delete().delete((DeleteRequest) request);
            case MOVE -> files.move().move((MoveRequest) request);
            case EXEC, STDIN, INTERRUPT, KILL -> throw new IllegalStateException(request.op() + " is routed inline");
        };
    }

    private HelloResult greet(HelloRequest request) {
        if (!request.version().isSupportedBy(ProtocolVersion.CURRENT)) {
            throw new OperationFailedException(ErrorCode.UNSUPPORTED_VERSION, "client speaks protocol version "
                    + request.version().number() + ", this bridge only up to " + ProtocolVersion.CURRENT.number());
        }
        return hello;
    }
}
