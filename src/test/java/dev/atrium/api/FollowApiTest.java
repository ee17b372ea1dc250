package dev.atrium.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.PostFixtures;
import io.quarkus.test.junit.QuarkusTest;

/** The API's profiles, followers and following lists, and the token's followed feed. */
@QuarkusTest
class FollowApiTest {

    @Inject
    AccountFixtures fixtures;

    @Test
    void aUserShowsTheirProfileAndCountsAndTheListsArePaged() {
        BrowserSession reader = new BrowserSession();
        String readerName = fixtures.signIn(reader, Role.USER, true);
        BrowserSession author = new BrowserSession();
        String authorName = fixtures.signIn(author, Role.USER, true);
        author.submit("/settings/profile", "/settings/profile", Map.of("realName", "Grace", "location", "Arlington",
                "aboutMe", "*Compilers*")).then().statusCode(303);
        reader.submit("/users/" + authorName, "/users/" + authorName + "/follow", Map.of()).then().statusCode(303);

        given().get("/api/v1/users/" + authorName).then().statusCode(200)
                .body("realName", equalTo("Grace"), "location", equalTo("Arlington"), "aboutMe", equalTo("*Compilers*"),
                        "aboutHtml", containsString("<em>Compilers</em>"), "followers", equalTo(1), "following", equalTo(0),
                        "links.followers", equalTo("/api/v1/users/" + authorName + "/followers"),
                        "links.avatar", equalTo("/users/" + authorName + "/avatar.svg"));
        given().get("/api/v1/users/" + readerName).then().statusCode(200).body("realName", nullValue(), "following", equalTo(1));

        given().get("/api/v1/users/" + authorName + "/followers").then().statusCode(200)
                .body("items.username", hasItem(readerName), "total", equalTo(1), "pages", equalTo(1),
                        "links.self", equalTo("/api/v1/users/" + authorName + "/followers?page=1"),
                        "links.last", equalTo("/api/v1/users/" + authorName + "/followers?page=1"),
                        "items[0].links.self", equalTo("/api/v1/users/" + readerName));
        given().get("/api/v1/users/" + readerName + "/following").then().statusCode(200)
                .body("items.username", hasItem(authorName));
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        String name = fixtures.signIn(new BrowserSession(), Role.USER, true);
        given().get("/api/v1/users/nobody-" + name + "/followers").then().statusCode(404)
                .contentType(containsString("application/problem+json")).body("detail", containsString("There is no user"));
        given().get("/api/v1/users/nobody-" + name + "/following").then().statusCode(404);
        given().get("/api/v1/users/" + name + "/followers?page=0").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        given().get("/api/v1/users/" + name + "/following?page=abc").then().statusCode(400);
        given().get("/api/v1/users/me/feed").then().statusCode(401);
    }

    @Test
    void theTokensAccountReadsItsFollowedFeed() {
        BrowserSession reader = new BrowserSession();
        fixtures.signIn(reader, Role.USER, true);
        BrowserSession author = new BrowserSession();
        String authorName = fixtures.signIn(author, Role.USER, true);
        String followedTitle = "Api followed " + AccountFixtures.unique("t");
        String otherTitle = "Api other " + AccountFixtures.unique("t");
        reader.submit("/users/" + authorName, "/users/" + authorName + "/follow", Map.of()).then().statusCode(303);
        PostFixtures.publish(author, followedTitle);
        PostFixtures.publish(fixtures.signedIn(Role.USER, true), otherTitle);
        String token = ApiTokens.created(reader.submit("/settings", "/settings/tokens", ApiTokens.form("feed", "read", "none")));

        ApiTokens.bearer(token).get("/api/v1/users/me/feed").then().statusCode(200)
                .body("items.title", hasItem(followedTitle), "items.title", not(hasItem(otherTitle)),
                        "links.self", equalTo("/api/v1/users/me/feed?page=1"), "total", equalTo(1));
        ApiTokens.bearer(token).get("/api/v1/users/me/feed?page=-1").then().statusCode(400);
    }

    @Test
    void theOpenApiDocumentHasTheNewOperations() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/users/{username}/followers"), containsString("/api/v1/users/{username}/following"),
                        containsString("/api/v1/users/me/feed"), containsString("PersonPage"));
    }
}
