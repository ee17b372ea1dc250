package dev.atrium.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;

/** Request bodies are checked by the same constraints as the forms, which also give the API document its limits. */
@QuarkusTest
class ApiValidationTest {

    @Inject
    AccountFixtures fixtures;

    private String writeToken() {
        BrowserSession browser = fixtures.signedIn(Role.USER, true);
        return ApiTokens.created(browser.submit("/settings", "/settings/tokens", ApiTokens.form("script", "write", "none")));
    }

    @Test
    void anInvalidBodysErrorsSpeakTheRequestsLanguage() {
        String token = writeToken();
        given().accept("application/json").header("Authorization", "Bearer " + token).header("Accept-Language", "zh-CN")
                .contentType("application/json").body(Map.of("title", "t".repeat(201), "body", " "))
                .post("/api/v1/posts").then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'title' }.message", equalTo("请填写标题，最多 200 个字符。"),
                        "errors.find { it.field == 'body' }.message", equalTo("请填写正文，最多 100,000 个字符。"));
        given().accept("application/json").header("Authorization", "Bearer " + token)
                .contentType("application/json").body(Map.of("title", "t".repeat(201), "body", "fine"))
                .post("/api/v1/posts").then().statusCode(400)
                .body("errors.field", hasItem("title"), "errors.size()", equalTo(1),
                        "errors[0].message", equalTo("Give the post a title of at most 200 characters."));
    }

    /** Not only ASCII spaces: U+3000 (a Chinese keyboard's space) and the other Unicode spaces count as blank too. */
    @Test
    void aBodyOfOnlyUnicodeSpacesIsRefusedForPostsAndComments() {
        String token = writeToken();
        String spaces = "\u3000\u2003\u00a0\n\u3000";
        given().accept("application/json").header("Authorization", "Bearer " + token)
                .contentType("application/json").body(Map.of("title", "A title", "body", spaces))
                .post("/api/v1/posts").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("body"), "errors.size()", equalTo(1));
        String post = given().accept("application/json").header("Authorization", "Bearer " + token)
                .contentType("application/json").body(Map.of("title", "A title", "body", "\u3000text\u3000"))
                .post("/api/v1/posts").then().statusCode(201).extract().header("Location");
        given().accept("application/json").header("Authorization", "Bearer " + token)
                .contentType("application/json").body(Map.of("body", spaces))
                .post(post + "/comments").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("body"), "errors.size()", equalTo(1));
        given().accept("application/json").header("Authorization", "Bearer " + token)
                .contentType("application/json").body(Map.of("body", "\u3000a comment"))
                .post(post + "/comments").then().statusCode(201);
    }

    @Test
    void theOpenApiDocumentTakesItsLimitsFromTheConstraints() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.PostInput.properties.title.maxLength", equalTo(200),
                        "components.schemas.PostInput.properties.title.minLength", equalTo(1),
                        "components.schemas.PostInput.properties.body.maxLength", equalTo(100_000),
                        "components.schemas.PostInput.properties.body.minLength", equalTo(1),
                        "components.schemas.CommentInput.properties.body.maxLength", equalTo(2_000),
                        "components.schemas.CommentInput.properties.body.minLength", equalTo(1));
    }
}
