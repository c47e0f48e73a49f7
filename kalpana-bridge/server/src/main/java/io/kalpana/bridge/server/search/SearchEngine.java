package io.kalpana.bridge.server.search;

import io.kalpana.bridge.protocol.SearchRequest;
import io.kalpana.bridge.protocol.SearchResult;

import java.nio.file.Path;

/** One way of running a search below a (confined, existing) directory. */
public interface SearchEngine {

    SearchResult search(SearchRequest request, Path directory);
}
