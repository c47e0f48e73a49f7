package io.kalpana.web.identity;

import java.io.Serializable;
import java.util.Set;

/** Who signed in through the form, remembered in the HTTP session. */
public record SessionIdentity(String username, Set<String> groups) implements Serializable {
}
