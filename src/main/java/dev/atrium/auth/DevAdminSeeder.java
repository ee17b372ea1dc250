package dev.atrium.auth;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.atrium.config.AtriumConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * In dev ({@code atrium.auth.seed-admin}), makes sure a confirmed administrator exists and logs how to sign
 * in as it, so a developer can try every page at once. Its password is new at every start.
 */
@Singleton
class DevAdminSeeder {

    private static final Logger LOG = Logger.getLogger(DevAdminSeeder.class);
    static final String USERNAME = "admin";

    private final AtriumConfig config;
    /**
     * Looked up only when seeding: this bean is made at every start to hear the start-up event, and the policy
     * computes a bcrypt hash when it is made, which cost a production start a bcrypt check for nothing.
     */
    private final Instance<PasswordPolicy> passwords;

    DevAdminSeeder(AtriumConfig config, Instance<PasswordPolicy> passwords) {
        this.config = config;
        this.passwords = passwords;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.auth().seedAdmin()) {
            QuarkusTransaction.requiringNew().run(this::seed);
        }
    }

    private void seed() {
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
        admin.passwordHash = passwords.get().hash(password);
        admin.passwordChangedAt = java.time.Instant.now();
        admin.persist();
        LOG.infof("Dev mode: log in as '%s' with password '%s'", USERNAME, password);
    }
}
