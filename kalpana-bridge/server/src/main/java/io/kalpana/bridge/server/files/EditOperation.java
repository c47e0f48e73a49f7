package io.kalpana.bridge.server.files;

import io.kalpana.bridge.protocol.EditRequest;
import io.kalpana.bridge.protocol.EditResult;
import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.server.OperationFailedException;
import io.kalpana.bridge.server.security.WorkspaceRoot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Edits an existing UTF-8 text file in place (atomically). */
public final class EditOperation {

    private final WorkspaceRoot root;
    private final AtomicFileWriter writer;
    private final TextEditor editor;

    public EditOperation(WorkspaceRoot root, AtomicFileWriter writer, TextEditor editor) {
        this.root = root;
        this.writer = writer;
        this.editor = editor;
    }

    public EditResult edit(EditRequest request) {
        Path file = root.resolve(request.path());
        String relative = root.relative(file);
        try {
            if (Files.isDirectory(file)) {
                throw FileErrors.isDirectory(relative);
            }
            String text = TextContent.decode(Files.readAllBytes(file)).orElseThrow(() ->
                    new OperationFailedException(ErrorCode.BAD_REQUEST, "'" + relative + "' is not UTF-8 text"));
            TextEditor.Outcome outcome = editor.apply(text, request.edit());
            byte[] bytes = outcome.text().getBytes(StandardCharsets.UTF_8);
            writer.write(file, bytes);
            return new EditResult(relative, bytes.length, outcome.line());
        } catch (IOException e) {
            throw FileErrors.translate(relative, e);
        }
    }
}
