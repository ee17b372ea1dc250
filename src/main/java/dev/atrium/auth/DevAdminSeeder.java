package dev.atrium.auth;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.atrium.config.AtriumConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * In dev ({@code atrium.auth.seed-admin}), makes sure a confirmed administrator exists and logs how to sign
 * in as it, so a developer can try every page at once. Its password is new at every start.
 */
@Singleton
public class DevAdminSeeder {

    private static final Logger LOG = Logger.getLogger(DevAdminSeeder.class);
    static final String USERNAME = "admin";

    private final AtriumConfig config;
    private final PasswordPolicy passwords;

    DevAdminSeeder(AtriumConfig config, PasswordPolicy passwords) {
        this.config = config;
        this.passwords = passwords;
    }

    @Transactional
    void seed(@Observes StartupEvent event) {
        if (!config.auth().seedAdmin()) {
            return;
        }
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        User admin = User.findByUsername(USERNAME).orElseGet(User::new);
        if (admin.id == null) {
            admin.username = USERNAME;
            admin.email = config.auth().adminEmail().map(User::normalise).orElse("admin@localhost.localdomain");
            admin.createdAt = java.time.Instant.now();
        }
        admin.role = Role.ADMINISTRATOR;
        admin.confirmed = true;
        admin.disabled = false;
        admin.passwordHash = passwords.hash(password);
        admin.passwordChangedAt = java.time.Instant.now();
        admin.persist();
        LOG.infof("Dev mode: log in as '%s' with password '%s'", USERNAME, password);
    }
}
