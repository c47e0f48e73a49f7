package io.kalpana.identity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserTest {

    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");
    private final User erin = new User(new Username("erin"), "Erin", "erin@example.com", null, Set.of(Role.USER), CREATED);

    @Test
    void nothingToRefreshWhenTheProviderSaysTheSame() {
        assertTrue(erin.refreshedFrom("Erin", "erin@example.com", Set.of(Role.USER)).isEmpty());
    }

    @Test
    void rolesFollowTheProviderAndTheRestOfTheAccountStays() {
        User promoted = erin.refreshedFrom("Erin", "erin@example.com", Set.of(Role.USER, Role.ADMIN)).orElseThrow();
        assertEquals(Set.of(Role.USER, Role.ADMIN), promoted.roles());
        assertEquals(new Username("erin"), promoted.username());
        assertEquals(CREATED, promoted.createdAt());

        User demoted = promoted.refreshedFrom("Erin", "erin@example.com", Set.of(Role.USER)).orElseThrow();
        assertEquals(Set.of(Role.USER), demoted.roles());
    }

    @Test
    void aNewNameOrEmailIsARefreshToo() {
        assertEquals("Erin Example", erin.refreshedFrom("Erin Example", "erin@example.com", Set.of(Role.USER))
                .orElseThrow().displayName());
        assertEquals("erin@corp.example", erin.refreshedFrom("Erin", "erin@corp.example", Set.of(Role.USER))
                .orElseThrow().email());
    }

    @Test
    void theProvidersGroupsAreKeptAndFollowedLikeTheRoles() {
        assertEquals(Set.of(), erin.groups(), "no groups until a provider names some");
        User inTeams = erin.refreshedFrom("Erin", "erin@example.com", Set.of(Role.USER), Set.of("team-b", "team-a"))
                .orElseThrow();
        assertEquals(Set.of("team-a", "team-b"), inTeams.groups());
        assertTrue(inTeams.refreshedFrom("Erin", "erin@example.com", Set.of(Role.USER), Set.of("team-a", "team-b"))
                .isEmpty(), "the same groups in another order change nothing");
        assertTrue(inTeams.refreshedFrom("Erin", "erin@example.com", Set.of(Role.USER)).isEmpty(),
                "a refresh that does not name groups keeps them");
        assertEquals(Set.of("team-a"), inTeams.refreshedFrom("Erin", "erin@example.com", Set.of(Role.USER),
                Set.of("team-a")).orElseThrow().groups());
    }
}
