package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.atrium.config.AtriumConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dev administrator keeps its password across dev mode's restarts: a second start finds the password it
 * wrote and hashes nothing, and only a missing file or an account no longer usable gets a new one.
 */
@QuarkusTest
class DevAdminSeederTest {

    @Inject
    AtriumConfig config;
    @Inject
    Instance<PasswordPolicy> passwords;

    private Path file;
    private DevAdminSeeder seeder;

    @BeforeEach
    void fresh() throws IOException {
        file = Files.createTempDirectory("dev-admin").resolve("data").resolve("dev-admin-password");
        seeder = new DevAdminSeeder(config, passwords, file);
        removeAdmin();
    }

    @AfterEach
    void removeAdmin() {
        QuarkusTransaction.requiringNew().run(() -> User.delete("username", DevAdminSeeder.USERNAME));
    }

    @Test
    void theFirstStartMakesAnAdministratorWhosePasswordIsKeptInTheFile() throws IOException {
        seed();

        String password = kept();
        User admin = admin();
        assertThat(admin.role).isEqualTo(Role.ADMINISTRATOR);
        assertThat(admin.confirmed).isTrue();
        assertThat(passwords.get().matches(password, admin.passwordHash)).isTrue();
    }

    @Test
    void aRestartKeepsThePasswordAndHashesNothing() throws IOException {
        seed();
        String password = kept();
        User before = admin();

        seed();

        User after = admin();
        assertThat(kept()).isEqualTo(password);
        assertThat(after.passwordHash).isEqualTo(before.passwordHash);
        assertThat(after.passwordChangedAt).isEqualTo(before.passwordChangedAt);
    }

    @Test
    void withoutItsFileTheAdministratorGetsANewPassword() throws IOException {
        seed();
        String first = kept();
        Files.delete(file);

        seed();

        String second = kept();
        assertThat(second).isNotEqualTo(first);
        assertThat(passwords.get().matches(second, admin().passwordHash)).isTrue();
        assertThat(passwords.get().matches(first, admin().passwordHash)).isFalse();
    }

    @Test
    void aPasswordChangedOnTheSiteIsNoticedAndReplaced() throws IOException {
        seed();
        String first = kept();
        QuarkusTransaction.requiringNew().run(() -> User.findByUsername(DevAdminSeeder.USERNAME).orElseThrow().passwordHash =
                passwords.get().hash("changed on the site"));

        seed();

        assertThat(kept()).isNotEqualTo(first);
        assertThat(passwords.get().matches(kept(), admin().passwordHash)).isTrue();
    }

    @Test
    void aDisabledOrDemotedAdministratorIsMadeUsableWithANewPassword() throws IOException {
        seed();
        String first = kept();
        QuarkusTransaction.requiringNew().run(() -> {
            User admin = User.findByUsername(DevAdminSeeder.USERNAME).orElseThrow();
            admin.disabled = true;
            admin.role = Role.USER;
        });

        seed();

        User admin = admin();
        assertThat(admin.disabled).isFalse();
        assertThat(admin.role).isEqualTo(Role.ADMINISTRATOR);
        assertThat(kept()).isNotEqualTo(first);
        assertThat(passwords.get().matches(kept(), admin.passwordHash)).isTrue();
        assertThat(admin.passwordChangedAt).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void anAccountHoldingTheAdministratorsAddressDoesNotStopTheStart() {
        String configured = config.auth().adminEmail().map(User::normalise).orElseThrow();
        boolean madeHere = QuarkusTransaction.requiringNew().call(() -> {
            if (User.findByEmail(configured).isPresent()) {
                return false;
            }
            User holder = new User();
            holder.username = AccountFixtures.unique("holder");
            holder.email = configured;
            holder.passwordHash = "x";
            holder.role = Role.USER;
            holder.createdAt = Instant.now();
            holder.passwordChangedAt = holder.createdAt;
            holder.persist();
            return true;
        });
        try {
            seed();
            assertThat(admin().email).isEqualTo(DevAdminSeeder.FALLBACK_EMAIL);
        } finally {
            if (madeHere) {
                QuarkusTransaction.requiringNew().run(() -> User.delete("email", configured));
            }
        }
    }

    private void seed() {
        seeder.seedAndKeep();
    }

    private String kept() throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).get(0).strip();
    }

    private static User admin() {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(DevAdminSeeder.USERNAME).orElseThrow());
    }
}
