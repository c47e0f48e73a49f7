package io.kalpana.agent;

import java.util.List;

/** Paths below a directory (directories end with '/'); {@code truncated} when the workspace listed only a part. */
public record FileListing(List<String> paths, boolean truncated) {

    public FileListing {
        paths = List.copyOf(paths);
    }
}
