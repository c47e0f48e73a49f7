package io.kalpana.identity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** An account. The password is kept only as a salted PBKDF2 hash. */
@Entity("users")
public class User {

    @Id
    private String username;

    @Column
    private String displayName;

    @Column
    private String email;

    @Column
    private String passwordHash;

    @Column
    private List<String> roles = new ArrayList<>();

    @Column
    private Instant createdAt;

    /** The identity provider's groups at the last sign-in, which decide the images offered (empty for others). */
    @Column
    private List<String> groups = new ArrayList<>();

    protected User() {
    }

    public User(Username username, String displayName, String email, String passwordHash, Set<Role> roles,
                Instant createdAt) {
        this.username = username.value();
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = roles.stream().map(Role::roleName).sorted().toList();
        this.createdAt = createdAt;
    }

    public Username username() {
        return new Username(username);
    }

    public String displayName() {
        return displayName == null ? username : displayName;
    }

    public String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        Set<Role> result = EnumSet.noneOf(Role.class);
        roles.forEach(name -> result.add(Role.fromRoleName(name)));
        return result;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** This account with the provider's groups as they are now. */
    public User withGroups(Set<String> newGroups) {
        User changed = new User(username(), displayName, email, passwordHash, roles(), createdAt);
        changed.groups = newGroups.stream().sorted().toList();
        return changed;
    }

    public Set<String> groups() {
        return groups == null ? Set.of() : Set.copyOf(groups);
    }

    /**
     * This account as the identity provider describes it now: name, email and roles follow the provider, while
     * the username, creation time and (absent) password stay. Empty when nothing changed.
     */
    public Optional<User> refreshedFrom(String newDisplayName, String newEmail, Set<Role> newRoles) {
        return refreshedFrom(newDisplayName, newEmail, newRoles, groups());
    }

    /** As {@link #refreshedFrom(String, String, Set)}, the provider's groups included. */
    public Optional<User> refreshedFrom(String newDisplayName, String newEmail, Set<Role> newRoles,
                                        Set<String> newGroups) {
        User refreshed = new User(username(), newDisplayName, newEmail, passwordHash, newRoles, createdAt)
                .withGroups(newGroups);
        boolean same = Objects.equals(displayName, refreshed.displayName) && Objects.equals(email, refreshed.email)
                && roles.equals(refreshed.roles) && groups().equals(refreshed.groups());
        return same ? Optional.empty() : Optional.of(refreshed);
    }

    public Caller asCaller() {
        return new Caller(username(), roles());
    }
}
