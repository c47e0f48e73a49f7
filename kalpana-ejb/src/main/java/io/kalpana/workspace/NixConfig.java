package io.kalpana.workspace;

import io.kalpana.problem.KalpanaException;

import java.nio.charset.StandardCharsets;

/** The text of a workspace's {@code shell.nix}, written into the workspace as given. */
public record NixConfig(String text) {

    public static final int MAX_BYTES = 64 * 1024;

    public NixConfig {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw KalpanaException.invalid("invalid_nix_config", "The Nix configuration is larger than 64 KiB");
        }
        if (text.chars().anyMatch(c -> c == 0)) {
            throw KalpanaException.invalid("invalid_nix_config", "The Nix configuration contains a NUL character");
        }
    }

    public static NixConfig orNull(String typed) {
        return typed == null || typed.isBlank() ? null : new NixConfig(typed);
    }
}
