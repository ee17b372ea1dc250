package dev.atrium.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.PostFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Following from a profile, the lists and counts, and the index's tab of followed people's posts. */
@QuarkusTest
class FollowTest {

    @Inject
    AccountFixtures fixtures;

    @Test
    void aUserFollowsAndUnfollowsFromTheOthersProfile() {
        BrowserSession reader = new BrowserSession();
        String readerName = fixtures.signIn(reader, Role.USER, true);
        String author = fixtures.signIn(new BrowserSession(), Role.USER, true);

        reader.get("/users/" + author).then().statusCode(200)
                .body(containsString("action=\"/users/" + author + "/follow\""), containsString("Followers: 0"));
        follow(reader, author).then().statusCode(303).header("Location", containsString("/users/" + author));

        reader.get("/users/" + author).then().statusCode(200)
                .body(containsString("action=\"/users/" + author + "/unfollow\""), containsString("Followers: 1"));
        new BrowserSession().get("/users/" + author + "/followers").then().statusCode(200)
                .body(containsString("href=\"/users/" + readerName + "\""));
        new BrowserSession().get("/users/" + readerName).then().statusCode(200).body(containsString("Following: 1"));
        new BrowserSession().get("/users/" + readerName + "/following").then().statusCode(200)
                .body(containsString("href=\"/users/" + author + "\""));
        // the author sees that the reader follows them, and may follow back
        BrowserSession authorBrowser = fixtures.signedIn(Role.USER, true);
        assertThat(authorBrowser.get("/users/" + readerName).asString()).doesNotContain("Follows you");

        reader.submit("/users/" + author, "/users/" + author + "/unfollow", Map.of()).then().statusCode(303);
        reader.get("/users/" + author).then().body(containsString("Followers: 0"));
        new BrowserSession().get("/users/" + author + "/followers").then().statusCode(200)
                .body(not(containsString("href=\"/users/" + readerName + "\"")));
    }

    @Test
    void followingTwiceRecordsOneFollow() {
        BrowserSession reader = fixtures.signedIn(Role.USER, true);
        String author = fixtures.signIn(new BrowserSession(), Role.USER, true);
        follow(reader, author).then().statusCode(303);
        follow(reader, author).then().statusCode(303);
        new BrowserSession().get("/users/" + author).then().body(containsString("Followers: 1"));
    }

    @Test
    void followingOneselfOrNobodyIsRefusedWithItsReason() {
        BrowserSession reader = new BrowserSession();
        String me = fixtures.signIn(reader, Role.USER, true);
        // no button on one's own profile, and a forged form is a 400 that says why
        assertThat(reader.get("/users/" + me).asString()).doesNotContain("/follow\"");
        reader.submit("/users/" + me, "/users/" + me + "/follow", Map.of()).then().statusCode(400)
                .body(containsString("You cannot follow yourself."));
        reader.submit("/users/" + me, "/users/" + me + "/unfollow", Map.of()).then().statusCode(400);
        reader.submit("/users/" + me, "/users/nobody-" + me + "/follow", Map.of()).then().statusCode(404)
                .body(containsString("There is no user nobody-" + me));
        new BrowserSession().get("/users/nobody-" + me + "/followers").then().statusCode(404);
        new BrowserSession().get("/users/" + me + "/following?page=0").then().statusCode(400);
        new BrowserSession().get("/users/" + me + "/followers?page=x").then().statusCode(400);
        new BrowserSession().get("/users/" + me + "/followers?page=2").then().statusCode(200);
    }

    @Test
    void followingTakesASignedInConfirmedAccountAndTheFormsToken() {
        String author = fixtures.signIn(new BrowserSession(), Role.USER, true);
        // anonymous: no button, and the form's address sends to the login page
        assertThat(new BrowserSession().get("/users/" + author).asString()).doesNotContain("/follow\"");
        BrowserSession anonymous = new BrowserSession();
        anonymous.submit("/login", "/users/" + author + "/follow", Map.of()).then().statusCode(302);
        // unconfirmed: no follow permission
        BrowserSession unconfirmed = fixtures.signedIn(Role.USER, false);
        assertThat(unconfirmed.get("/users/" + author).asString()).doesNotContain("/follow\"");
        assertThat(unconfirmed.submit("/users/" + author, "/users/" + author + "/follow", Map.of()).statusCode())
                .isBetween(300, 403);
        // without the CSRF token: refused, nothing recorded
        BrowserSession reader = fixtures.signedIn(Role.USER, true);
        reader.postWithoutToken("/users/" + author + "/follow", Map.of()).then().statusCode(403);
        new BrowserSession().get("/users/" + author).then().body(containsString("Followers: 0"));
    }

    @Test
    void theIndexHasATabOfFollowedPeoplesPostsAndRemembersIt() {
        BrowserSession reader = new BrowserSession();
        fixtures.signIn(reader, Role.USER, true);
        BrowserSession followed = new BrowserSession();
        String followedName = fixtures.signIn(followed, Role.USER, true);
        BrowserSession stranger = fixtures.signedIn(Role.USER, true);
        String followedTitle = "Followed " + AccountFixtures.unique("t");
        String strangerTitle = "Stranger " + AccountFixtures.unique("t");
        String ownTitle = "Own " + AccountFixtures.unique("t");
        follow(reader, followedName).then().statusCode(303);
        PostFixtures.publish(followed, followedTitle);
        PostFixtures.publish(stranger, strangerTitle);
        PostFixtures.publish(reader, ownTitle);

        Response following = reader.get("/?feed=following");
        following.then().statusCode(200).cookie("atrium-index-tab", "following")
                .body(containsString(followedTitle), containsString(ownTitle), not(containsString(strangerTitle)),
                        containsString("href=\"/?feed=following\" aria-current=\"page\""));
        // remembered: the plain index shows the same tab
        reader.get("/").then().statusCode(200).body(containsString(followedTitle), not(containsString(strangerTitle)));
        reader.get("/?feed=all").then().statusCode(200).cookie("atrium-index-tab", "all").body(containsString(strangerTitle));
        reader.get("/").then().statusCode(200).body(containsString(strangerTitle), containsString("href=\"/?feed=all\" aria-current=\"page\""));
        reader.get("/?feed=everything").then().statusCode(400).body(containsString("feed must be"));
        reader.get("/?feed=following&page=0").then().statusCode(400);

        // anonymous visitors have no tabs, whatever they ask for
        new BrowserSession().get("/?feed=following").then().statusCode(200).body(not(containsString("feed=following")),
                containsString(strangerTitle));
    }

    private static Response follow(BrowserSession browser, String username) {
        return browser.submit("/users/" + username, "/users/" + username + "/follow", Map.of());
    }
}
