package dev.atrium.testing;

import java.util.Map;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;

/** Another account with a filled-in profile and a post, followed by {@code follower}: what the profile and following pages show at their fullest. */
public final class FollowedAccount {

    private FollowedAccount() {
    }

    /** Creates it; answers its username. */
    public static String create(AccountFixtures fixtures, BrowserSession follower, String language) {
        BrowserSession browser = new BrowserSession(language);
        String username = fixtures.signIn(browser, Role.USER, true);
        browser.submit("/settings/profile", "/settings/profile", Map.of("realName", "Ada Lovelace", "location", "London",
                "aboutMe", "I write about *engines*:\n\n- one\n- [two](https://example.org)")).then().statusCode(303);
        PostFixtures.publish(browser, "Followed " + AccountFixtures.unique("f"));
        follower.submit("/users/" + username, "/users/" + username + "/follow", Map.of()).then().statusCode(303);
        return username;
    }
}
