package io.kalpana.bridge.protocol;

/** Which pipe of a running command a chunk of output came from. */
public enum OutputChannel {
    STDOUT(MessageType.STDOUT),
    STDERR(MessageType.STDERR);

    private final MessageType messageType;

    OutputChannel(MessageType messageType) {
        this.messageType = messageType;
    }

    public MessageType messageType() {
        return messageType;
    }
}
