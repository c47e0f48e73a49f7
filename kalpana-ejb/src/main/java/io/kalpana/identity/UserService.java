package io.kalpana.identity;

import io.kalpana.audit.AuditLog;
import io.kalpana.problem.KalpanaException;
import io.kalpana.store.DuplicateKey;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/** Accounts: creation, look-up and password checks. */
@Stateless
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class.getName());
    private static final int MAX_DISPLAY_NAME = 120;
    /** The longest address mail systems deliver to (RFC 5321). */
    private static final int MAX_EMAIL = 254;

    /** Hashed once so that an unknown username costs as much time as a wrong password. */
    private static final String DECOY_HASH = new PasswordHasher().hash("decoy-password".toCharArray());

    @Inject
    DocumentTemplate template;

    @Inject
    AuditLog audit;

    private final PasswordHasher hasher = new PasswordHasher();

    public User create(Username actor, NewUser request) {
        char[] password = Password.checkNew(request.password());
        String displayName = cleanDisplayName(request.displayName(), request.username());
        User user = new User(request.username(), displayName, cleanEmail(request.email()), hasher.hash(password),
                request.roles().isEmpty() ? Set.of(Role.USER) : request.roles(), Instant.now(Clock.systemUTC()));
        try {
            template.insert(user);
        } catch (RuntimeException e) {
            if (DuplicateKey.isCauseOf(e)) {
                throw KalpanaException.conflict("user_exists", "A user named '" + request.username() + "' exists already");
            }
            throw e;
        }
        audit.record(actor, "user.create", "user:" + user.username(), "roles=" + user.roles());
        LOG.info(() -> "user=" + user.username() + " created by " + (actor == null ? "Kalpana itself" : actor.value())
                + " with roles " + user.roles());
        return user;
    }

    /**
     * The account of someone the company's identity provider vouched for, created without a password at their
     * first sign-in. Sessions and tokens take their roles from the provider's token; the record follows it at
     * every sign-in too, so the admin console, the quotas and the images offered see the roles and groups the
     * provider gives today.
     */
    public User provisionFromProvider(Username username, String displayName, String email, Set<Role> roles,
                                      Set<String> groups) {
        Optional<User> existing = find(username);
        if (existing.isPresent()) {
            return refresh(existing.get(), lenientDisplayName(displayName, username), lenientEmail(email), roles, groups);
        }
        User user = new User(username, lenientDisplayName(displayName, username), lenientEmail(email), null, roles,
                Instant.now(Clock.systemUTC())).withGroups(groups);
        try {
            template.insert(user);
        } catch (RuntimeException e) {
            if (DuplicateKey.isCauseOf(e)) {
                // A second request of the same person's first sign-in created it a moment ago.
                return find(username).orElseThrow(() -> e);
            }
            throw e;
        }
        audit.record(username, "user.create", "user:" + username, "via=identity-provider roles=" + user.roles());
        LOG.info(() -> "user=" + username + " created at first sign-in through the identity provider with roles "
                + user.roles());
        return user;
    }

    private User refresh(User known, String displayName, String email, Set<Role> roles, Set<String> groups) {
        Optional<User> changed = known.refreshedFrom(displayName, email, roles, groups);
        if (changed.isEmpty()) {
            return known;
        }
        User user = changed.get();
        template.update(user);
        if (!known.roles().equals(user.roles())) {
            audit.record(user.username(), "user.roles", "user:" + user.username(),
                    "via=identity-provider from=" + known.roles() + " to=" + user.roles());
            LOG.info(() -> "user=" + user.username() + " roles changed by the identity provider from " + known.roles()
                    + " to " + user.roles());
        }
        return user;
    }

    public Optional<User> find(Username username) {
        return template.find(User.class, username.value());
    }

    public List<User> list() {
        return template.select(User.class).orderBy("username").asc().result();
    }

    public boolean exists(Username username) {
        return find(username).isPresent();
    }

    /** The account, when the password is right; empty for an unknown user or a wrong password alike. */
    public Optional<User> authenticate(String typedUsername, char[] password) {
        Username username;
        try {
            username = Username.of(typedUsername);
        } catch (KalpanaException invalid) {
            hasher.matches(password, DECOY_HASH);
            return Optional.empty();
        }
        Optional<User> user = find(username);
        // Accounts made through the identity provider have no password: they never pass here, not even with the decoy's.
        String stored = user.map(User::passwordHash).orElse(null);
        boolean matches = hasher.matches(password, stored == null ? DECOY_HASH : stored);
        return matches && stored != null ? user : Optional.empty();
    }

    /** The provider's name claim is not typed by an administrator: shortened or dropped rather than refused. */
    private static String lenientDisplayName(String displayName, Username username) {
        if (displayName == null || displayName.isBlank() || displayName.chars().anyMatch(Character::isISOControl)) {
            return username.value();
        }
        String stripped = displayName.strip();
        return stripped.length() > MAX_DISPLAY_NAME ? stripped.substring(0, MAX_DISPLAY_NAME) : stripped;
    }

    private static String lenientEmail(String email) {
        return email == null || email.length() > MAX_EMAIL || email.chars().anyMatch(Character::isISOControl) ? null : email;
    }

    private static String cleanEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String stripped = email.strip();
        if (stripped.length() > MAX_EMAIL || stripped.indexOf('@') < 1 || stripped.codePoints()
                .anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw KalpanaException.invalid("invalid_email",
                    "An email address has an @, at most " + MAX_EMAIL + " characters and no spaces or control characters");
        }
        return stripped;
    }

    private static String cleanDisplayName(String displayName, Username username) {
        if (displayName == null || displayName.isBlank()) {
            return username.value();
        }
        String stripped = displayName.strip();
        if (stripped.length() > MAX_DISPLAY_NAME || stripped.chars().anyMatch(Character::isISOControl)) {
            throw KalpanaException.invalid("invalid_display_name",
                    "A display name has at most " + MAX_DISPLAY_NAME + " characters and no control characters");
        }
        return stripped;
    }
}
