package io.kalpana.bridge.protocol;

import java.util.Arrays;

/** Kind of a file system entry as reported by list and stat. */
public enum EntryType {
    FILE("file"),
    DIRECTORY("directory"),
    SYMLINK("symlink"),
    OTHER("other");

    private final String wireName;

    EntryType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static EntryType fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst().orElse(OTHER);
    }
}
