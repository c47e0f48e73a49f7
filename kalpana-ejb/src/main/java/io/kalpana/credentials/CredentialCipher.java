package io.kalpana.credentials;

import io.kalpana.config.OwnerOnlyFile;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Encrypts Git tokens at rest with AES-256-GCM: a fresh 12-byte IV per value, and the owner and host as associated
 * data, so a stored value copied to another person's or host's document does not decrypt. Stored form:
 * {@code v1:} + base64(IV | ciphertext and tag).
 */
public final class CredentialCipher {

    private static final Logger LOG = Logger.getLogger(CredentialCipher.class.getName());

    /** The configuration key holding a base64 key; unset means a key generated into the data directory. */
    public static final String KEY_PROPERTY = "kalpana.credentials.key";
    static final String KEY_FILE = "git-credentials.key";
    private static final String VERSION = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public CredentialCipher(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("An AES-256 key has " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /**
     * The configured key, or else the one in {@code dataDir}, made on first use. A configured key that is not 32
     * bytes of base64 stops Kalpana with a message naming the key, rather than storing tokens no one can read later.
     */
    public static CredentialCipher fromConfig(Optional<String> configured, Path dataDir) {
        if (configured.isPresent()) {
            return new CredentialCipher(decodeKey(configured.get(), KEY_PROPERTY));
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return new CredentialCipher(decodeKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString()));
            }
            byte[] generated = new byte[KEY_BYTES];
            RANDOM.nextBytes(generated);
            Files.createDirectories(dataDir);
            OwnerOnlyFile.write(file, Base64.getEncoder().encodeToString(generated) + "\n");
            LOG.info(() -> "workspace=* generated the Git credential key in " + file
                    + "; keep it with the database, or set " + KEY_PROPERTY + " on every instance sharing it");
            return new CredentialCipher(generated);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the Git credential key " + file, e);
        }
    }

    private static byte[] decodeKey(String text, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64; it must be a 32-byte key in base64, e.g. the output"
                    + " of 'openssl rand -base64 32'");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(where + " holds " + key.length + " bytes; it must be a " + KEY_BYTES
                    + "-byte key in base64, e.g. the output of 'openssl rand -base64 32'");
        }
        return key;
    }

    /** The token encrypted for {@code owner} and {@code host}, in its stored form. */
    public String seal(Username owner, GitHost host, GitToken token) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(owner, host));
            byte[] sealed = cipher.doFinal(token.value().getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** The token back; a problem naming the host when it was sealed for someone else, altered, or with another key. */
    public GitToken open(Username owner, GitHost host, String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw unreadable(host);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw unreadable(host);
        }
        if (bytes.length <= IV_BYTES) {
            throw unreadable(host);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(associatedData(owner, host));
            byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return new GitToken(new String(plain, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw unreadable(host);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private static byte[] associatedData(Username owner, GitHost host) {
        return ("kalpana-git-credential\u0000" + owner.value() + "\u0000" + host.value()).getBytes(StandardCharsets.UTF_8);
    }

    private static KalpanaException unreadable(GitHost host) {
        return KalpanaException.conflict("git_credential_unreadable", "The stored Git credential for " + host
                + " cannot be decrypted (Kalpana's credential key changed, or the record was altered); set it again");
    }
}
