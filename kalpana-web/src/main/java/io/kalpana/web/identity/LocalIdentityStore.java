package io.kalpana.web.identity;

import io.kalpana.identity.Role;
import io.kalpana.identity.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.stream.Collectors;

/** Checks a username and password against Kalpana's own accounts. */
@ApplicationScoped
public class LocalIdentityStore implements IdentityStore {

    @Inject
    UserService users;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return users.authenticate(credential.getCaller(), credential.getPassword().getValue())
                .map(user -> new CredentialValidationResult(user.username().value(),
                        user.roles().stream().map(Role::roleName).collect(Collectors.toSet())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
