package io.kalpana.credentials;

import io.kalpana.audit.RecordingAuditLog;
import io.kalpana.identity.Caller;
import io.kalpana.identity.Role;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import io.kalpana.store.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitCredentialServiceTest {

    private static final Caller ALICE = new Caller(new Username("alice"), Set.of(Role.USER));
    private static final Caller BOB = new Caller(new Username("bob"), Set.of(Role.USER, Role.ADMIN));
    private static final String TOKEN = "ghp_alicesSecretTokenValue0123456789";
    private static final GitHost HOST = GitHost.of("git.example.com");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final GitCredentialService service = new GitCredentialService(mongo::database, new CredentialCipher(key()),
            audit, Clock.systemUTC());

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void storedCredentialIsListedMaskedAndLookedUpWhole() {
        MaskedGitCredential saved = service.put(ALICE, GitCredential.of("Git.Example.com", "alice", TOKEN));
        assertEquals("ghp_\u20266789", saved.maskedToken());
        List<MaskedGitCredential> listed = service.list(ALICE);
        assertEquals(1, listed.size());
        assertEquals(HOST, listed.get(0).host());
        assertEquals("alice", listed.get(0).username());
        assertEquals("ghp_\u20266789", listed.get(0).maskedToken());
        assertEquals(Optional.of(TOKEN), service.lookup(ALICE.username(), HOST).map(c -> c.token().value()));
    }

    @Test
    void theDocumentHoldsNoPlaintextToken() {
        service.put(ALICE, GitCredential.of("git.example.com", "alice", TOKEN));
        Document raw = mongo.database().getCollection(GitCredentialService.COLLECTION).find().first();
        assertFalse(raw.toJson().contains(TOKEN), raw.toJson());
        assertFalse(raw.toJson().contains("alicesSecret"), raw.toJson());
        assertTrue(raw.getString("token").startsWith("v1:"));
    }

    @Test
    void peopleSeeAndUseOnlyTheirOwn() {
        service.put(ALICE, GitCredential.of("git.example.com", "alice", TOKEN));
        assertEquals(List.of(), service.list(BOB), "not even an admin sees another person's credentials");
        assertEquals(Optional.empty(), service.lookup(BOB.username(), HOST));
        KalpanaException refused = assertThrows(KalpanaException.class, () -> service.delete(BOB, HOST));
        assertEquals("git_credential_not_found", refused.code());
        assertTrue(service.lookup(ALICE.username(), HOST).isPresent(), "bob's delete left alice's credential alone");
    }

    @Test
    void aRowCopiedToAnotherPersonDoesNotDecrypt() {
        service.put(ALICE, GitCredential.of("git.example.com", "alice", TOKEN));
        service.put(BOB, GitCredential.of("git.example.com", "bob", "bobs-own-token-value-xyz"));
        var collection = mongo.database().getCollection(GitCredentialService.COLLECTION);
        String alices = collection.find(new Document("_id", "alice/git.example.com")).first().getString("token");
        collection.updateOne(new Document("_id", "bob/git.example.com"), new Document("$set", new Document("token", alices)));
        assertEquals("git_credential_unreadable",
                assertThrows(KalpanaException.class, () -> service.lookup(BOB.username(), HOST)).code());
    }

    @Test
    void replacingKeepsOneCredentialPerHostAndDeletingRemovesIt() {
        service.put(ALICE, GitCredential.of("git.example.com", "alice", TOKEN));
        service.put(ALICE, GitCredential.of("git.example.com", "alice2", "a-newer-token-for-the-same-host"));
        service.put(ALICE, GitCredential.of("other.example.com:8443", "alice", TOKEN));
        List<MaskedGitCredential> listed = service.list(ALICE);
        assertEquals(List.of("git.example.com", "other.example.com:8443"), listed.stream().map(c -> c.host().value()).toList());
        assertEquals("alice2", service.lookup(ALICE.username(), HOST).orElseThrow().username());
        service.delete(ALICE, HOST);
        assertEquals(Optional.empty(), service.lookup(ALICE.username(), HOST));
        assertEquals(1, service.list(ALICE).size());
        assertEquals("git_credential_not_found", assertThrows(KalpanaException.class, () -> service.delete(ALICE, HOST)).code());
    }

    @Test
    void setAndDeleteAreAuditedWithoutTheToken() {
        service.put(ALICE, GitCredential.of("git.example.com", "alice", TOKEN));
        service.put(ALICE, GitCredential.of("git.example.com", "alice", TOKEN));
        service.delete(ALICE, HOST);
        List<RecordingAuditLog.Entry> set = audit.withAction("git-credential.set");
        assertEquals(2, set.size());
        assertTrue(set.get(0).detail().startsWith("created"), set.get(0).detail());
        assertTrue(set.get(1).detail().startsWith("replaced"), set.get(1).detail());
        assertEquals(1, audit.withAction("git-credential.delete").size());
        for (RecordingAuditLog.Entry entry : audit.entries()) {
            assertEquals("alice", entry.actor());
            assertEquals("git-credential:git.example.com", entry.target());
            assertFalse(entry.toString().contains(TOKEN.substring(4)), entry.toString());
        }
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
