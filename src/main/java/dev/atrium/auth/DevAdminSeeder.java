package dev.atrium.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.atrium.config.AtriumConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * In dev ({@code atrium.auth.seed-admin}), makes sure a confirmed administrator exists and logs how to sign
 * in as it, so a developer can try every page at once.
 * <p>
 * Its password is made once and kept in {@link #PASSWORD_FILE} (with the hash it was stored as), beside the dev
 * database, so it stays the same
 * across dev mode's restarts (every structural Java save is one) and across days. Remaking it at each start
 * cost each restart a bcrypt hash (a fifth of the 2 s a Java save takes) and the developer the password they
 * had just used.
 */
@Singleton
class DevAdminSeeder {

    private static final Logger LOG = Logger.getLogger(DevAdminSeeder.class);
    static final String USERNAME = "admin";
    /** Under data/, where the dev profile keeps its H2 database (application.yaml) and git ignores files. */
    static final Path PASSWORD_FILE = Path.of("data", "dev-admin-password");
    static final String FALLBACK_EMAIL = "admin@localhost.localdomain";

    private final AtriumConfig config;
    /**
     * Looked up only when seeding: this bean is made at every start to hear the start-up event, and the policy
     * computes a bcrypt hash when it is made, which cost a production start a bcrypt check for nothing.
     */
    private final Instance<PasswordPolicy> passwords;
    private final Path passwordFile;

    @Inject
    DevAdminSeeder(AtriumConfig config, Instance<PasswordPolicy> passwords) {
        this(config, passwords, PASSWORD_FILE);
    }

    DevAdminSeeder(AtriumConfig config, Instance<PasswordPolicy> passwords, Path passwordFile) {
        this.config = config;
        this.passwords = passwords;
        this.passwordFile = passwordFile;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.auth().seedAdmin()) {
            seedAndKeep();
        }
    }

    /** Seeds in a transaction of its own, then keeps a new password in the file once it is committed. */
    void seedAndKeep() {
        Kept kept = QuarkusTransaction.requiringNew().call(this::seed);
        if (kept.isNew()) {
            writeKept(kept);
        }
        LOG.infof("Dev mode: log in as '%s' with password '%s'", USERNAME, kept.password());
    }

    /** The password the file holds, with the hash it was stored as; new when this start set it. */
    record Kept(String password, String hash, boolean isNew) {
    }

    /**
     * Leaves a usable administrator alone when the file holds its password (the hash in the file is the one
     * stored: a password changed on the site since is noticed without a bcrypt check); otherwise (first start,
     * the file or the database deleted, the password changed, the account demoted, disabled or unconfirmed by
     * hand) sets a new password.
     */
    private Kept seed() {
        User admin = User.findByUsername(USERNAME).orElseGet(User::new);
        Optional<Kept> kept = admin.id != null && usable(admin) ? readKept().filter(k -> k.hash().equals(admin.passwordHash))
                : Optional.empty();
        if (kept.isPresent()) {
            return kept.get();
        }
        if (admin.id == null) {
            admin.username = USERNAME;
            admin.email = freeEmail();
            admin.createdAt = Instant.now();
        }
        String password = newPassword();
        admin.role = Role.ADMINISTRATOR;
        admin.confirmed = true;
        admin.disabled = false;
        admin.passwordHash = passwords.get().hash(password);
        admin.passwordChangedAt = Instant.now();
        admin.persist();
        return new Kept(password, admin.passwordHash, true);
    }

    /**
     * The configured administrator's address, unless an account registered with it already (a developer signing
     * up with it would otherwise stop every start on the unique address): then the first free of
     * {@link #FALLBACK_EMAIL} and its numbered variants.
     */
    private String freeEmail() {
        String wanted = config.auth().adminEmail().map(User::normalise).orElse(FALLBACK_EMAIL);
        for (int n = 0; User.findByEmail(wanted).isPresent(); n++) {
            wanted = n == 0 ? FALLBACK_EMAIL : FALLBACK_EMAIL.replace("@", "+" + n + "@");
        }
        return wanted;
    }

    private static boolean usable(User admin) {
        return admin.role == Role.ADMINISTRATOR && admin.confirmed && !admin.disabled;
    }

    private Optional<Kept> readKept() {
        try {
            List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
            return lines.size() >= 2 && !lines.get(0).isBlank() ? Optional.of(new Kept(lines.get(0).strip(), lines.get(1).strip(), false))
                    : Optional.empty();
        } catch (IOException missing) {
            return Optional.empty();
        }
    }

    private void writeKept(Kept kept) {
        try {
            Files.createDirectories(passwordFile.toAbsolutePath().getParent());
            Files.writeString(passwordFile, kept.password() + "\n" + kept.hash() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the dev administrator's password in " + passwordFile, e);
        }
    }

    private static String newPassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
