package dev.atrium.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.comments.CommentService;
import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class CommentsApiTest {

    @Inject
    AccountFixtures fixtures;
    @Inject
    CommentService comments;

    private String tokenFor(Role role, boolean confirmed, String scope) {
        BrowserSession browser = fixtures.signedIn(role, confirmed);
        return ApiTokens.created(browser.submit("/settings", "/settings/tokens", ApiTokens.form("script", scope, "none")));
    }

    private static RequestSpecification api(String token) {
        return given().accept("application/json").header("Authorization", "Bearer " + token);
    }

    private static long newPost(String token) {
        String location = api(token).contentType("application/json").body(Map.of("title", "API " + AccountFixtures.unique("t"), "body", "x"))
                .post("/api/v1/posts").then().statusCode(201).extract().header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void commentThroughTheApiAndReadItBackWithLinks() {
        String token = tokenFor(Role.USER, true, "write");
        long post = newPost(token);
        String location = api(token).contentType("application/json").body(Map.of("body", "From a *script*."))
                .post("/api/v1/posts/" + post + "/comments").then().statusCode(201)
                .header("Location", startsWith("/api/v1/comments/"))
                .body("html", containsString("<em>script</em>"), "postId", equalTo((int) post), "hidden", equalTo(false))
                .extract().header("Location");
        given().accept("application/json").get(location).then().statusCode(200).body("body", equalTo("From a *script*."));
        given().accept("application/json").get("/api/v1/posts/" + post + "/comments").then().statusCode(200)
                .body("total", equalTo(1), "items[0].body", equalTo("From a *script*."), "links.self",
                        equalTo("/api/v1/posts/" + post + "/comments?page=1"), "links", not(hasKey("next")));
        given().accept("application/json").get("/api/v1/posts/" + post).then().body("comments", equalTo(1),
                "links.comments", equalTo("/api/v1/posts/" + post + "/comments"));
        given().accept("application/json").get("/api/v1/comments").then().statusCode(200)
                .body("items[0].id", equalTo(Integer.parseInt(location.substring(location.lastIndexOf('/') + 1))),
                        "links.first", equalTo("/api/v1/comments?page=1"));
    }

    @Test
    void hiddenCommentsKeepTheirTextFromAllButModerators() {
        String token = tokenFor(Role.USER, true, "write");
        long post = newPost(token);
        String location = api(token).contentType("application/json").body(Map.of("body", "Secret rudeness."))
                .post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        comments.setHidden(id, true, "tester");

        for (String path : new String[] { location, "/api/v1/posts/" + post + "/comments", "/api/v1/comments" }) {
            String reader = given().accept("application/json").get(path).then().statusCode(200).extract().asString();
            org.assertj.core.api.Assertions.assertThat(reader).doesNotContain("Secret rudeness.");
            String author = api(token).get(path).then().statusCode(200).extract().asString();
            org.assertj.core.api.Assertions.assertThat(author).doesNotContain("Secret rudeness.");
        }
        given().accept("application/json").get(location).then().body("hidden", equalTo(true), "body", nullValue(), "html", nullValue());
        api(tokenFor(Role.MODERATOR, true, "read")).get(location).then().body("hidden", equalTo(true), "body", equalTo("Secret rudeness."));
    }

    @Test
    void badCommentsAreProblems() {
        String token = tokenFor(Role.USER, true, "write");
        long post = newPost(token);
        api(token).contentType("application/json").body(Map.of("body", "")).post("/api/v1/posts/" + post + "/comments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"), "errors[0].message", equalTo("Write a comment of 1 to 2,000 characters."));
        api(token).contentType("application/json").body(Map.of("body", "x".repeat(2001))).post("/api/v1/posts/" + post + "/comments")
                .then().statusCode(400).contentType("application/problem+json");
        api(token).contentType("application/json").body("null").post("/api/v1/posts/" + post + "/comments")
                .then().statusCode(400).contentType("application/problem+json");
        api(token).contentType("application/json").body(Map.of("body", "x")).post("/api/v1/posts/987654321/comments")
                .then().statusCode(404).contentType("application/problem+json").body("detail", equalTo("There is no post 987654321."));
        given().accept("application/json").get("/api/v1/posts/987654321/comments").then().statusCode(404)
                .contentType("application/problem+json");
        given().accept("application/json").get("/api/v1/comments/987654321").then().statusCode(404);
        given().accept("application/json").get("/api/v1/comments?page=0").then().statusCode(400).contentType("application/problem+json");
        // no token, a read token, an unconfirmed account: no comment
        given().accept("application/json").contentType("application/json").body(Map.of("body", "x"))
                .post("/api/v1/posts/" + post + "/comments").then().statusCode(401);
        api(tokenFor(Role.USER, true, "read")).contentType("application/json").body(Map.of("body", "x"))
                .post("/api/v1/posts/" + post + "/comments").then().statusCode(403);
        api(tokenFor(Role.USER, false, "write")).contentType("application/json").body(Map.of("body", "x"))
                .post("/api/v1/posts/" + post + "/comments").then().statusCode(403);
        given().accept("application/json").get("/api/v1/posts/" + post + "/comments").then().body("total", equalTo(0));
    }

    @Test
    void theOpenApiDocumentDescribesComments() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/posts/{id}/comments"), "paths", hasKey("/api/v1/comments"),
                        "paths", hasKey("/api/v1/comments/{id}"), "components.schemas", hasKey("Comment"),
                        "components.schemas", hasKey("CommentPage"), "components.schemas", hasKey("CommentInput"));
    }
}
