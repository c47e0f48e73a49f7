package io.kalpana.workspace;

import java.util.List;

/** The rows of one page and how many rows match the filters in all. */
public record WorkspacePage(List<WorkspaceRow> rows, long total) {
}
