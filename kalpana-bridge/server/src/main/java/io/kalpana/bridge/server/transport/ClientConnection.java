package io.kalpana.bridge.server.transport;

import io.kalpana.bridge.protocol.BridgeError;
import io.kalpana.bridge.protocol.BridgeResult;
import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.ExecExit;
import io.kalpana.bridge.protocol.ExecStarted;
import io.kalpana.bridge.protocol.JsonCodec;
import io.kalpana.bridge.protocol.MessageType;
import io.kalpana.bridge.protocol.Messages;
import io.kalpana.bridge.protocol.OutputChannel;
import io.kalpana.bridge.protocol.OutputFrame;
import io.kalpana.bridge.protocol.RequestId;
import io.kalpana.bridge.server.concurrent.SerialExecutor;
import io.kalpana.bridge.server.exec.CommandTable;
import io.kalpana.bridge.server.exec.EncodedOutput;
import io.kalpana.bridge.server.exec.ExecEvents;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * State of one authenticated client. Messages are taken in (parsed, dispatched) in arrival order;
 * sends are serialised because a WebSocket remote endpoint must not be written from two threads at once.
 */
final class ClientConnection {

    private static final Logger LOG = Logger.getLogger(ClientConnection.class.getName());

    private final Session session;
    private final JsonCodec json;
    private final SerialExecutor intake;
    private final CommandTable commands = new CommandTable();
    private final Object sendLock = new Object();
    private volatile boolean binaryOutput;

    ClientConnection(Session session, JsonCodec json, Executor pool) {
        this.session = session;
        this.json = json;
        this.intake = new SerialExecutor(pool);
    }

    SerialExecutor intake() {
        return intake;
    }

    CommandTable commands() {
        return commands;
    }

    void sendResult(RequestId id, BridgeResult result) {
        send(Messages.result(json.builders(), id, result));
    }

    void sendError(RequestId id, ErrorCode code, String message) {
        send(Messages.error(json.builders(), id, new BridgeError(code, message)));
    }

    /** Set by the client's hello; output events then skip Tyrus' per-character text frame encoder. */
    void useBinaryOutput(boolean enabled) {
        binaryOutput = enabled;
    }

    ExecEvents execEvents(RequestId id) {
        return new ExecEvents() {
            @Override
            public void started(long pid) {
                send(Messages.event(json.builders(), id, MessageType.STARTED, new ExecStarted(pid)));
            }

            @Override
            public void output(OutputChannel channel, EncodedOutput data) {
                if (!binaryOutput) {
                    send(Messages.output(id, channel, data.asString()));
                } else if (data instanceof EncodedOutput.Binary binary) {
                    sendRaw(OutputFrame.rawHeader(id, channel), binary.raw());
                } else {
                    sendBinary(Messages.output(id, channel, data.asString()).getBytes(StandardCharsets.UTF_8));
                }
            }

            @Override
            public void exited(ExecExit exit) {
                send(Messages.event(json.builders(), id, MessageType.EXIT, exit));
            }
        };
    }

    private void sendBinary(byte[] utf8Json) {
        synchronized (sendLock) {
            if (!session.isOpen()) {
                return;
            }
            try {
                session.getBasicRemote().sendBinary(ByteBuffer.wrap(utf8Json));
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "sending to a client failed; it probably disconnected", e);
            }
        }
    }

    /** Header and raw bytes as two fragments of one binary message: the payload is never copied or encoded. */
    private void sendRaw(byte[] header, byte[] payload) {
        synchronized (sendLock) {
            if (!session.isOpen()) {
                return;
            }
            try {
                var remote = session.getBasicRemote();
                remote.sendBinary(ByteBuffer.wrap(header), false);
                remote.sendBinary(ByteBuffer.wrap(payload), true);
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "sending to a client failed; it probably disconnected", e);
            }
        }
    }

    /** Blocking send: a slow reader slows down only the producers writing to it (back-pressure). */
    void send(String text) {
        synchronized (sendLock) {
            if (!session.isOpen()) {
                return;
            }
            try {
                session.getBasicRemote().sendText(text);
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "sending to a client failed; it probably disconnected", e);
            }
        }
    }
}
