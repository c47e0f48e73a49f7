package io.kalpana.bridge.protocol;

import java.util.Arrays;
import java.util.Optional;

/** Kind of a server-to-client message, carried in its {@code type} field. */
public enum MessageType {
    RESULT("result"),
    ERROR("error"),
    STARTED("started"),
    STDOUT("stdout"),
    STDERR("stderr"),
    EXIT("exit");

    private final String wireName;

    MessageType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<MessageType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
