package io.kalpana.bridge.server.transport;

import io.kalpana.bridge.server.files.DeleteOperation;
import io.kalpana.bridge.server.files.EditOperation;
import io.kalpana.bridge.server.files.ListOperation;
import io.kalpana.bridge.server.files.MoveOperation;
import io.kalpana.bridge.server.files.ReadOperation;
import io.kalpana.bridge.server.files.StatOperation;
import io.kalpana.bridge.server.files.WriteOperation;
import io.kalpana.bridge.server.search.SearchOperation;

/** The file-system operations the dispatcher can route to. */
public record FileOperations(ReadOperation read, WriteOperation write, EditOperation edit, ListOperation list,
                             SearchOperation search, StatOperation stat, DeleteOperation delete,
                             MoveOperation move) {
}
