package io.kalpana.identity;

import io.kalpana.config.OwnerOnlyFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The RSA key pair that signs Kalpana's API tokens. Generated on first start and kept in the data
 * directory (owner-only) so that tokens stay valid across restarts and across instances sharing it.
 */
public final class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final String FILE = "token-signing-key.pem";

    private final KeyPair keyPair;

    private SigningKeys(KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    public static SigningKeys loadOrCreate(Path directory) {
        Path file = directory.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return new SigningKeys(read(file));
            }
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            OwnerOnlyFile.write(file, pem(pair.getPrivate()));
            LOG.info(() -> "Generated a new token signing key in " + file);
            return new SigningKeys(pair);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the token signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Token signing key " + file + " is unreadable; delete it to make a new one", e);
        }
    }

    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    private static KeyPair read(Path file) throws IOException, GeneralSecurityException {
        String body = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        KeyFactory factory = KeyFactory.getInstance("RSA");
        PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        java.security.interfaces.RSAPrivateCrtKey crt = (java.security.interfaces.RSAPrivateCrtKey) privateKey;
        PublicKey publicKey = factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        return new KeyPair((RSAPublicKey) publicKey, privateKey);
    }

    private static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
