package io.kalpana.bridge.server.search;

import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.SearchRequest;
import io.kalpana.bridge.protocol.SearchResult;
import io.kalpana.bridge.server.OperationFailedException;
import io.kalpana.bridge.server.security.WorkspaceRoot;

import java.nio.file.Files;
import java.nio.file.Path;

/** Confines the search directory, then hands over to the configured engine. */
public final class SearchOperation {

    private final WorkspaceRoot root;
    private final SearchEngine engine;

    public SearchOperation(WorkspaceRoot root, SearchEngine engine) {
        this.root = root;
        this.engine = engine;
    }

    public SearchResult search(SearchRequest request) {
        Path directory = root.resolve(request.path());
        if (!Files.exists(directory)) {
            throw new OperationFailedException(ErrorCode.NOT_FOUND, "'" + root.relative(directory) + "' does not exist");
        }
        return engine.search(request, directory);
    }
}
