package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.web.Language;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Who wrote what: the names other features show beside an account's id. */
@QuarkusTest
class UsernamesTest {

    @Inject
    AccountDirectory accounts;
    @Inject
    Registration registration;

    @Test
    void namesEachKnownAccountAndLeavesOutUnknownIds() {
        User ada = register("ada");
        User bob = register("bob");

        assertThat(accounts.usernames(List.of(ada.id, bob.id, ada.id, Long.MAX_VALUE)))
                .containsOnlyKeys(ada.id, bob.id)
                .containsEntry(ada.id, ada.username)
                .containsEntry(bob.id, bob.username);
        assertThat(accounts.usernames(List.of())).isEmpty();
    }

    @Test
    void aNameOnceReadIsServedWithoutAskingTheDatabaseAgain() {
        User seen = register("seen");
        assertThat(accounts.usernames(List.of(seen.id))).containsEntry(seen.id, seen.username);

        // Atrium never renames an account; changing the row behind its back shows where the answer comes from
        rename(seen.id, seen.username + "x");
        User unseen = register("unseen");
        rename(unseen.id, unseen.username + "x");

        assertThat(accounts.usernames(List.of(seen.id, unseen.id)))
                .containsEntry(seen.id, seen.username)
                .containsEntry(unseen.id, unseen.username + "x");
    }

    private User register(String prefix) {
        String username = AccountFixtures.unique(prefix);
        return registration.register(username + "@example.org", username, AccountFixtures.PASSWORD, Language.EN);
    }

    private static void rename(long id, String username) {
        QuarkusTransaction.requiringNew().run(() -> User.update("username = ?1 where id = ?2", username, id));
    }
}
