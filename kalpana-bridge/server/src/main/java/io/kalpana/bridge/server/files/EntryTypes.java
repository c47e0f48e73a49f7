package io.kalpana.bridge.server.files;

import io.kalpana.bridge.protocol.EntryType;

import java.nio.file.attribute.BasicFileAttributes;

/** Maps NIO attributes (read without following links) to protocol entry types. */
final class EntryTypes {

    private EntryTypes() {
    }

    static EntryType of(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return EntryType.SYMLINK;
        }
        if (attributes.isDirectory()) {
            return EntryType.DIRECTORY;
        }
        return attributes.isRegularFile() ? EntryType.FILE : EntryType.OTHER;
    }
}
