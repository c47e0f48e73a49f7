package io.kalpana.bridge.server.files;

import io.kalpana.bridge.protocol.ContentEncoding;
import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.LineRange;
import io.kalpana.bridge.protocol.ReadRequest;
import io.kalpana.bridge.protocol.ReadResult;
import io.kalpana.bridge.server.OperationFailedException;
import io.kalpana.bridge.server.config.ByteSize;
import io.kalpana.bridge.server.security.WorkspaceRoot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Base64;
import java.util.Optional;

/** Reads whole files up to the read cap, or a line range of a text file of any size. */
public final class ReadOperation {

    private final WorkspaceRoot root;
    private final ByteSize maxRead;

    public ReadOperation(WorkspaceRoot root, ByteSize maxRead) {
        this.root = root;
        this.maxRead = maxRead;
    }

    public ReadResult read(ReadRequest request) {
        Path file = root.resolve(request.path());
        String relative = root.relative(file);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw FileErrors.isDirectory(relative);
            }
            if (request.lines().isPresent()) {
                return readLines(file, relative, request.lines().get(), attributes.size());
            }
            if (attributes.size() > maxRead.bytes()) {
                throw new OperationFailedException(ErrorCode.FILE_TOO_LARGE, "'" + relative + "' is "
                        + attributes.size() + " bytes, more than the read limit of " + maxRead.bytes()
                        + " bytes; read it in parts with startLine/endLine");
            }
            return readWhole(file, relative, request.encoding());
        } catch (IOException e) {
            throw FileErrors.translate(relative, e);
        }
    }

    private ReadResult readWhole(Path file, String relative, ContentEncoding encoding) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Optional<String> text = encoding == ContentEncoding.BASE64 ? Optional.empty() : TextContent.decode(bytes);
        if (text.isPresent()) {
            int lines = TextContent.countLines(text.get());
            return new ReadResult(relative, ContentEncoding.TEXT, text.get(), bytes.length, lines == 0 ? 0 : 1,
                    lines, lines);
        }
        if (encoding == ContentEncoding.TEXT) {
            String lossy = new String(bytes, StandardCharsets.UTF_8);
            int lines = TextContent.countLines(lossy);
            return new ReadResult(relative, ContentEncoding.TEXT, lossy, bytes.length, lines == 0 ? 0 : 1, lines,
                    lines);
        }
        return new ReadResult(relative, ContentEncoding.BASE64, Base64.getEncoder().encodeToString(bytes),
                bytes.length, 0, 0, 0);
    }

    /** Streams the file so a range of a huge log stays cheap; lines keep their terminators. */
    private ReadResult readLines(Path file, String relative, LineRange range, long size) throws IOException {
        StringBuilder selected = new StringBuilder();
        int lineNumber = 0;
        int lastReturned = 0;
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = reader.read()) != -1) {
                line.append((char) c);
                if (c == '\n') {
                    lineNumber++;
                    lastReturned = take(range, lineNumber, line, selected, lastReturned, relative);
                    line.setLength(0);
                }
            }
            if (line.length() > 0) {
                lineNumber++;
                lastReturned = take(range, lineNumber, line, selected, lastReturned, relative);
            }
        }
        int first = lastReturned == 0 ? 0 : range.firstLine();
        return new ReadResult(relative, ContentEncoding.TEXT, selected.toString(), size, first, lastReturned,
                lineNumber);
    }

    private int take(LineRange range, int lineNumber, CharSequence line, StringBuilder selected, int lastReturned,
                     String relative) {
        if (!range.contains(lineNumber)) {
            return lastReturned;
        }
        selected.append(line);
        if (selected.length() > maxRead.bytes()) {
            throw new OperationFailedException(ErrorCode.FILE_TOO_LARGE, "lines " + range.firstLine() + ".."
                    + lineNumber + " of '" + relative + "' exceed the read limit of " + maxRead.bytes()
                    + " bytes; request a smaller range");
        }
        return lineNumber;
    }
}
