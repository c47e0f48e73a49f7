package io.kalpana.identity;

import java.util.Set;

/** What an administrator gives to create an account. */
public record NewUser(Username username, String displayName, String email, String password, Set<Role> roles) {
}
