package io.kalpana.bridge.protocol;

import java.util.Arrays;
import java.util.Optional;

/** Operations a client can request; the wire name is the value of the {@code op} field. */
public enum Op {
    HELLO("hello"),
    PING("ping"),
    ACTIVITY("activity"),
    READ("read"),
    WRITE("write"),
    EDIT("edit"),
    LIST("list"),
    SEARCH("search"),
    STAT("stat"),
    DELETE("delete"),
    MOVE("move"),
    EXEC("exec"),
    STDIN("stdin"),
    INTERRUPT("interrupt"),
    KILL("kill");

    private final String wireName;

    Op(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Op> fromWire(String name) {
        return Arrays.stream(values()).filter(op -> op.wireName.equals(name)).findFirst();
    }

    /** Health checks and handshakes must not keep an idle workspace alive. */
    public boolean countsAsActivity() {
        return this != HELLO && this != PING && this != ACTIVITY;
    }
}
