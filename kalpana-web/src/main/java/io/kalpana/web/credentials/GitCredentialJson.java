package io.kalpana.web.credentials;

import io.kalpana.credentials.MaskedGitCredential;

/** A stored Git credential in an API answer: the token masked, never more. */
public record GitCredentialJson(String host, String username, String token, String updatedAt) {

    static GitCredentialJson of(MaskedGitCredential credential) {
        return new GitCredentialJson(credential.host().value(), credential.username(), credential.maskedToken(),
                credential.updatedAt().toString());
    }
}
