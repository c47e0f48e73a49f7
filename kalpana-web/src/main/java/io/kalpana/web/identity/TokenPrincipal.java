package io.kalpana.web.identity;

import io.kalpana.identity.Role;
import io.kalpana.identity.VerifiedToken;
import jakarta.security.enterprise.CallerPrincipal;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;
import java.util.stream.Collectors;

/** The caller of an API request made with a verified token, shaped as a MicroProfile JWT. */
public final class TokenPrincipal extends CallerPrincipal implements JsonWebToken {

    private static final long serialVersionUID = 1L;

    private final transient VerifiedToken token;

    public TokenPrincipal(VerifiedToken token) {
        super(token.subject().value());
        this.token = token;
    }

    @Override
    public String getName() {
        return super.getName();
    }

    @Override
    public Set<String> getClaimNames() {
        return Set.of("iss", "sub", "upn", "groups", "iat", "exp", "jti", "raw_token");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        Claims claim;
        try {
            claim = Claims.valueOf(claimName);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        Object value = switch (claim) {
            case iss -> token.issuer();
            case sub, upn -> token.subject().value();
            case groups -> token.roles().stream().map(Role::roleName).collect(Collectors.toSet());
            case iat -> token.issuedAt().getEpochSecond();
            case exp -> token.expiresAt().getEpochSecond();
            case jti -> token.tokenId();
            case raw_token -> token.rawToken();
            default -> null;
        };
        return (T) value;
    }
}
