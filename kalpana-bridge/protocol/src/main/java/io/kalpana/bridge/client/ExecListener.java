package io.kalpana.bridge.client;

import io.kalpana.bridge.protocol.OutputChannel;

import java.util.Base64;

/**
 * Receives an exec's stream events in order, on the connection's receiving thread:
 * implementations must return quickly and must not block on other bridge calls.
 */
public interface ExecListener {

    ExecListener IGNORE = new ExecListener() {
    };

    default void onStarted(long pid) {
    }

    /** {@code data} is text or base64, as requested by the exec's output encoding. */
    default void onOutput(OutputChannel channel, String data) {
    }

    /**
     * Output of a base64 exec that the bridge sent as raw bytes (binary frames). Override to avoid the
     * base64 round trip; by default the bytes are handed to {@link #onOutput} base64-encoded.
     */
    default void onOutputBytes(OutputChannel channel, byte[] bytes) {
        onOutput(channel, Base64.getEncoder().encodeToString(bytes));
    }
}
