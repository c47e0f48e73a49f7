package io.kalpana.identity;

import io.kalpana.config.KalpanaConfig;
import io.kalpana.config.OwnerOnlyFile;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes sure a fresh installation can be signed into: creates {@code admin} on an empty database with
 * {@code kalpana.admin.password} or a random password, shown once and saved owner-only in the data dir.
 */
@Singleton
@Startup
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    static final Username ADMIN = new Username("admin");
    static final String PASSWORD_FILE = "initial-admin-password";

    @Inject
    KalpanaConfig config;

    @Inject
    UserService users;

    @PostConstruct
    void ensureAdmin() {
        try {
            if (users.exists(ADMIN)) {
                return;
            }
            boolean generated = config.adminPassword().isEmpty();
            String password = config.adminPassword().orElseGet(AdminBootstrap::randomPassword);
            users.create(null, new NewUser(ADMIN, "Administrator", null, password, Set.of(Role.ADMIN, Role.USER)));
            Path file = config.dataDir().resolve(PASSWORD_FILE);
            if (generated) {
                Files.createDirectories(file.getParent());
                OwnerOnlyFile.write(file, password + "\n");
                String banner = "\n======================================================================\n"
                        + " Kalpana created the administrator account.\n"
                        + "   username: admin\n"
                        + "   password: " + password + "\n"
                        + " (also saved, readable only by you, in " + file + ")\n"
                        + "======================================================================";
                System.out.println(banner);
            }
            LOG.info(() -> "Created the 'admin' account" + (generated ? "; initial password in " + file : ""));
        } catch (IOException | RuntimeException e) {
            // Sign-in stays impossible until this succeeds, so say so loudly, but let Kalpana serve its health page.
            LOG.log(Level.SEVERE, "Could not create the 'admin' account: " + e.getMessage(), e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
