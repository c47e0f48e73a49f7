package io.kalpana.bridge.server.files;

import io.kalpana.bridge.protocol.ContentEncoding;
import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.WriteRequest;
import io.kalpana.bridge.protocol.WriteResult;
import io.kalpana.bridge.server.OperationFailedException;
import io.kalpana.bridge.server.security.WorkspaceRoot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Creates or replaces a file atomically, creating missing parent directories. */
public final class WriteOperation {

    private final WorkspaceRoot root;
    private final AtomicFileWriter writer;

    public WriteOperation(WorkspaceRoot root, AtomicFileWriter writer) {
        this.root = root;
        this.writer = writer;
    }

    public WriteResult write(WriteRequest request) {
        Path file = root.resolve(request.path());
        String relative = root.relative(file);
        if (Files.isDirectory(file)) {
            throw FileErrors.isDirectory(relative);
        }
        byte[] bytes = decode(request);
        try {
            boolean created = writer.write(file, bytes);
            return new WriteResult(relative, bytes.length, created);
        } catch (IOException e) {
            throw FileErrors.translate(relative, e);
        }
    }

    private static byte[] decode(WriteRequest request) {
        if (request.encoding() == ContentEncoding.BASE64) {
            try {
                return Base64.getDecoder().decode(request.content());
            } catch (IllegalArgumentException e) {
                throw new OperationFailedException(ErrorCode.BAD_REQUEST, "content is not valid base64");
            }
        }
        return request.content().getBytes(StandardCharsets.UTF_8);
    }
}
