package dev.atrium.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ApiTest {

    @Inject
    AccountFixtures fixtures;

    /** Signs in through the pages and creates a token on the settings page, as a person would. */
    private String tokenFor(Role role) {
        BrowserSession browser = fixtures.signedIn(role, true);
        Response page = browser.submit("/settings", "/settings/tokens", ApiTokens.form("test script", "write", "none"));
        page.then().header("Cache-Control", "no-store");
        return ApiTokens.created(page);
    }

    private static RequestSpecification api(String token) {
        return given().accept("application/json").header("Authorization", "Bearer " + token);
    }

    private static String newPost(String token, String title) {
        return api(token).contentType("application/json").body(Map.of("title", title, "body", "Some *text*."))
                .post("/api/v1/posts").then().statusCode(201).extract().header("Location");
    }

    @Test
    void tokenLifecycleCreateUseListRevoke() {
        BrowserSession browser = fixtures.signedIn(Role.USER, true);
        String token = ApiTokens.created(browser.submit("/settings", "/settings/tokens", ApiTokens.form("laptop", "write", "none")));

        api(token).get("/api/v1/users/me").then().statusCode(200).body("role", equalTo("USER"),
                "permissions", hasItem("write"));
        String settings = browser.get("/settings").asString();
        assertThat(settings).contains("laptop").doesNotContain(token).doesNotContain("last used never");

        String revokePath = settings.replaceAll("(?s).*action=\"(/settings/tokens/\\d+/revoke)\".*", "$1");
        browser.submit("/settings", revokePath, Map.of()).then().statusCode(303);
        api(token).get("/api/v1/users/me").then().statusCode(401);
    }

    @Test
    void missingOrBadTokensAre401WithAChallenge() {
        given().accept("application/json").get("/api/v1/users/me").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        api("atr_not-a-real-token").get("/api/v1/users/me").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        api("garbage").post("/api/v1/posts").then().statusCode(401);
    }

    @Test
    void theApiDoesNotAcceptTheSessionCookie() {
        BrowserSession browser = fixtures.signedIn(Role.ADMINISTRATOR, true);
        browser.request().accept("application/json").get("/api/v1/users/me").then().statusCode(401);
    }

    @Test
    void postsContract() {
        String token = tokenFor(Role.USER);
        String location = newPost(token, "API " + AccountFixtures.unique("p"));
        assertThat(location).contains("/api/v1/posts/");
        String path = location.substring(location.indexOf("/api/v1/posts/"));

        api(token).get(path).then().statusCode(200).contentType(startsWith("application/json"))
                .body("html", containsString("<em>text</em>"), "body", equalTo("Some *text*."),
                        "links.self", equalTo(path), "links", hasKey("author"));
        given().accept("application/json").get("/api/v1/posts").then().statusCode(200)
                .body("page", equalTo(1), "size", equalTo(10), "links.self", equalTo("/api/v1/posts?page=1"),
                        "links.first", equalTo("/api/v1/posts?page=1"), "links.prev", nullValue(),
                        "items.links.self", hasItem(path));
        api(token).contentType("application/json").body(Map.of("title", "Changed", "body", "new"))
                .put(path).then().statusCode(200).body("title", equalTo("Changed"));
        api(token).delete(path).then().statusCode(204);
        given().accept("application/json").get(path).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void badInputGetsTheRightProblem() {
        String token = tokenFor(Role.USER);
        api(token).contentType("application/json").body(Map.of("title", "", "body", ""))
                .post("/api/v1/posts").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("title"), "errors.field", hasItem("body"));
        api(token).contentType("application/json").body("{not json").post("/api/v1/posts").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        api(token).contentType("text/plain").body("hello").post("/api/v1/posts").then().statusCode(415);
        api(token).accept("application/xml").get("/api/v1/posts").then().statusCode(406);
        api(token).contentType("application/json").body("{\"title\":\"x\",\"body\":\"" + "y".repeat(1_100_000) + "\"}")
                .post("/api/v1/posts").then().statusCode(413);
        for (String page : new String[] { "0", "-3", "x", "99999999999" }) {
            given().accept("application/json").get("/api/v1/posts?page=" + page).then().statusCode(400);
        }
        given().accept("application/json").get("/api/v1/posts/not-a-number").then().statusCode(404);
        given().accept("application/json").get("/api/v1/users/nobody-here").then().statusCode(404);
    }

    @Test
    void permissionMatrix() {
        String author = tokenFor(Role.USER);
        String other = tokenFor(Role.USER);
        String moderator = tokenFor(Role.MODERATOR);
        String administrator = tokenFor(Role.ADMINISTRATOR);
        String location = newPost(author, "Matrix");
        String path = location.substring(location.indexOf("/api/v1/posts/"));
        Map<String, String> change = Map.of("title", "t", "body", "b");

        given().accept("application/json").contentType("application/json").body(change).post("/api/v1/posts").then().statusCode(401);
        given().accept("application/json").contentType("application/json").body(change).put(path).then().statusCode(401);
        given().accept("application/json").delete(path).then().statusCode(401);
        given().accept("application/json").get(path).then().statusCode(200);
        api(other).get(path).then().statusCode(200);
        api(other).contentType("application/json").body(change).put(path).then().statusCode(403);
        api(other).delete(path).then().statusCode(403);
        api(moderator).contentType("application/json").body(change).put(path).then().statusCode(200);
        api(moderator).delete(path).then().statusCode(403);
        api(administrator).delete(path).then().statusCode(204);

        BrowserSession unconfirmed = fixtures.signedIn(Role.USER, false);
        api(ApiTokens.created(unconfirmed.submit("/settings", "/settings/tokens", ApiTokens.form("x", "write", "none")))).contentType("application/json").body(change).post("/api/v1/posts").then().statusCode(403)
                .body("detail", equalTo("Confirm the account's email address first."));
    }

    @Test
    void usersByNameAndMe() {
        String token = tokenFor(Role.MODERATOR);
        String me = api(token).get("/api/v1/users/me").then().statusCode(200)
                .body("role", equalTo("MODERATOR"), "confirmed", equalTo(true)).extract().path("username");
        given().accept("application/json").get("/api/v1/users/" + me).then().statusCode(200)
                .body("username", equalTo(me), "$", not(hasKey("email")));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/posts"), "paths", hasKey("/api/v1/posts/{id}"),
                        "paths", hasKey("/api/v1/users/me"),
                        "components.securitySchemes.token.scheme", equalTo("bearer"),
                        "components.schemas", hasKey("Problem"), "components.schemas", hasKey("Post"));
    }

    @Test
    void aTokenNameIsRequired() {
        fixtures.signedIn(Role.USER, true).submit("/settings", "/settings/tokens", ApiTokens.form(" ", "write", "none")).then()
                .statusCode(400).body(containsString("Give the token a name"));
    }

    @Test
    void locationsPointAtTheNewPost() {
        String token = tokenFor(Role.USER);
        api(token).contentType("application/json").body(Map.of("title", "L", "body", "b")).post("/api/v1/posts")
                .then().statusCode(201).header("Location", containsString("/api/v1/posts/"))
                .body("links.self", startsWith("/api/v1/posts/"), "links.html", startsWith("/posts/"),
                        "author", not(endsWith("?")));
    }

    @Test
    void thePreviewRendersLikeAPostForWritersOnly() {
        String token = tokenFor(Role.USER);
        api(token).contentType("application/json")
                .body(Map.of("markdown", "**hi** <script>alert(1)</script> [x](javascript:alert(1))"))
                .post("/api/v1/markdown").then().statusCode(200)
                .body("html", containsString("<strong>hi</strong>"), "html", not(containsString("<script")),
                        "html", not(containsString("javascript:")));
        api(token).contentType("application/json").body(Map.of("other", "x")).post("/api/v1/markdown").then().statusCode(400);
        // rendering costs CPU: not for anyone who asks
        given().accept("application/json").contentType("application/json").body(Map.of("markdown", "x"))
                .post("/api/v1/markdown").then().statusCode(401);
    }

    /** A key given twice is ambiguous: refused everywhere, never a 500 and never "the last one wins". */
    @Test
    void aRepeatedJsonKeyIsRefused() {
        String token = tokenFor(Role.USER);
        for (String body : java.util.List.of("{\"markdown\":\"a\",\"markdown\":\"b\"}",
                "{\"title\":\"a\",\"title\":\"b\",\"body\":\"text\"}", "{\"title\":\"a\",\"body\":\"x\",\"body\":\"y\"}")) {
            for (String path : java.util.List.of("/api/v1/markdown", "/api/v1/posts")) {
                api(token).contentType("application/json").body(body).post(path).then().statusCode(400)
                        .contentType("application/problem+json").body("detail", containsString("more than once"));
            }
        }
        String post = newPost(token, "Repeated");
        api(token).contentType("application/json").body("{\"title\":\"a\",\"title\":\"b\",\"body\":\"text\"}")
                .put(post).then().statusCode(400);
        api(token).get(post).then().statusCode(200).body("title", equalTo("Repeated"));
    }
}
