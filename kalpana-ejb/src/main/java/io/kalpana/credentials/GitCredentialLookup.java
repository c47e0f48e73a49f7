package io.kalpana.credentials;

import io.kalpana.identity.Username;

import java.util.Optional;

/** Finds a person's Git credential for a host, decrypted; what the clone at a workspace's first start asks. */
@FunctionalInterface
public interface GitCredentialLookup {

    /** For runtimes and tests without stored credentials. */
    GitCredentialLookup NONE = (owner, host) -> Optional.empty();

    Optional<GitCredential> lookup(Username owner, GitHost host);
}
