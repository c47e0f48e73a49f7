package io.kalpana.bridge.server.files;

import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.server.OperationFailedException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns java.nio exceptions into error replies with a code the client can branch on. */
final class FileErrors {

    private FileErrors() {
    }

    static OperationFailedException translate(String relativePath, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new OperationFailedException(ErrorCode.NOT_FOUND, "'" + relativePath + "' does not exist");
        }
        if (e instanceof FileAlreadyExistsException) {
            return new OperationFailedException(ErrorCode.ALREADY_EXISTS, "'" + relativePath + "' already exists");
        }
        if (e instanceof DirectoryNotEmptyException) {
            return new OperationFailedException(ErrorCode.DIRECTORY_NOT_EMPTY,
                    "'" + relativePath + "' is a non-empty directory");
        }
        if (e instanceof NotDirectoryException) {
            return new OperationFailedException(ErrorCode.NOT_DIRECTORY, "'" + relativePath + "' is not a directory");
        }
        if (e instanceof AccessDeniedException) {
            return new OperationFailedException(ErrorCode.IO_ERROR, "permission denied on '" + relativePath + "'", e);
        }
        return new OperationFailedException(ErrorCode.IO_ERROR, "I/O error on '" + relativePath + "': " + e, e);
    }

    static OperationFailedException notFound(String relativePath) {
        return new OperationFailedException(ErrorCode.NOT_FOUND, "'" + relativePath + "' does not exist");
    }

    static OperationFailedException isDirectory(String relativePath) {
        return new OperationFailedException(ErrorCode.IS_DIRECTORY, "'" + relativePath + "' is a directory");
    }
}
