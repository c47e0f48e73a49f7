package io.kalpana.identity;

import io.kalpana.audit.AuditLog;
import io.kalpana.config.KalpanaConfig;
import io.kalpana.problem.KalpanaException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;

/** Issues API tokens for a username and password, and checks the tokens that come back. */
@ApplicationScoped
public class TokenService {

    @Inject
    KalpanaConfig config;

    @Inject
    UserService users;

    @Inject
    AuditLog audit;

    private TokenCodec codec;

    @PostConstruct
    void init() {
        codec = new TokenCodec(SigningKeys.loadOrCreate(config.dataDir().resolve("keys")),
                config.tokenIssuer(), config.tokenLifetime(), Clock.systemUTC());
    }

    public IssuedToken issue(String username, char[] password) {
        User user = users.authenticate(username, password).orElseThrow(() ->
                KalpanaException.unauthenticated("invalid_credentials",
                        "Username or password is wrong"));
        IssuedToken token = codec.issue(user.username(), user.roles());
        audit.record(user.username(), "token.issue", "user:" + user.username(), "expiresAt=" + token.expiresAt());
        return token;
    }

    public VerifiedToken verify(String token) {
        return codec.verify(token);
    }
}
