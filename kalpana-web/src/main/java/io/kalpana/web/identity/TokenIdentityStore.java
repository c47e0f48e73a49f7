package io.kalpana.web.identity;

import io.kalpana.identity.Role;
import io.kalpana.identity.TokenService;
import io.kalpana.identity.VerifiedToken;
import io.kalpana.problem.KalpanaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Checks bearer tokens Kalpana signed itself. */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(TokenIdentityStore.class.getName());

    @Inject
    TokenService tokens;

    public CredentialValidationResult validate(BearerTokenCredential credential) {
        try {
            VerifiedToken token = tokens.verify(credential.token());
            return new CredentialValidationResult(new TokenPrincipal(token),
                    token.roles().stream().map(Role::roleName).collect(Collectors.toSet()));
        } catch (KalpanaException refused) {
            LOG.info(() -> "API token refused: " + refused.getMessage());
            return CredentialValidationResult.INVALID_RESULT;
        }
    }
}
