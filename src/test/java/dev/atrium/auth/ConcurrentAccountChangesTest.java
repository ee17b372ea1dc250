package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import dev.atrium.admin.AdminService;
import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two changes to one account at the same moment both take effect, one after the other: a password change
 * (two bcrypt rounds inside its transaction, so it is slow) used to write back the whole row it had read,
 * undoing an administrator's change made meanwhile, and a token made with the old password outlived it.
 */
@QuarkusTest
class ConcurrentAccountChangesTest {

    private static final String NEW_PASSWORD = "a brand new passphrase 42";

    @Inject
    AccountFixtures fixtures;
    @Inject
    Credentials accounts;
    @Inject
    AdminService admin;
    @Inject
    ApiTokenService apiTokens;

    @Test
    void anAccountDisabledWhileItsPasswordChangesStaysDisabled() throws Exception {
        String username = fixtures.signIn(new BrowserSession(), Role.ADMINISTRATOR, true);
        fixtures.signIn(new BrowserSession(), Role.ADMINISTRATOR, true); // not the last administrator

        CompletableFuture<?> change = CompletableFuture.runAsync(() -> accounts.changePassword(username, AccountFixtures.PASSWORD, NEW_PASSWORD));
        Thread.sleep(150); // the change has read the row and is hashing
        admin.changeRole("another-admin", username, Role.USER);
        admin.setDisabled("another-admin", username, true);
        change.get();

        User after = reload(username);
        assertThat(after.disabled).as("disabled").isTrue();
        assertThat(after.role).isEqualTo(Role.USER);
        assertThat(accounts.withPassword(username, NEW_PASSWORD, user -> true)).as("the new password took effect as well").isPresent();
    }

    @Test
    void aTokenMadeWithTheOldPasswordDuringAChangeDoesNotOutliveIt() throws Exception {
        String username = fixtures.signIn(new BrowserSession(), Role.USER, true);
        long id = fixtures.idOf(username);

        CompletableFuture<?> change = CompletableFuture.runAsync(() -> accounts.changePassword(username, AccountFixtures.PASSWORD, NEW_PASSWORD));
        Thread.sleep(150);
        Optional<String> token = accounts.withPassword(username, AccountFixtures.PASSWORD,
                user -> apiTokens.create(user.id, "raced", ApiToken.Scope.WRITE, null));
        change.get();

        assertThat(token.flatMap(apiTokens::authenticate)).as("no live token made with the old password").isEmpty();
        assertThat(apiTokens.list(id)).isEmpty();
    }

    @Transactional
    User reload(String username) {
        return User.findByUsername(username).orElseThrow();
    }
}
