package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.ApiTokenService;
import dev.atrium.auth.Role;
import dev.atrium.auth.User;
import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.PostFixtures;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Unsafe requests with a valid session and no CSRF token are refused whatever their body's type, and a
 * request from another site is refused even with the token; the site's own forms keep working.
 */
@QuarkusTest
class CsrfGuardTest {

    @Inject
    AccountFixtures fixtures;
    @Inject
    ApiTokenService apiTokens;

    /** The ways a forged request can leave out the token or the form body that quarkus-rest-csrf checks. */
    private static final Map<String, Function<RequestSpecification, RequestSpecification>> BODIES = Map.of(
            "a form without the token", r -> r.contentType("application/x-www-form-urlencoded").formParam("title", "forged"),
            "a form with a wrong token", r -> r.contentType("application/x-www-form-urlencoded").formParam("csrf-token", "forged"),
            "text/plain", r -> r.contentType("text/plain").body("csrf-token=whatever"),
            "no Content-Type", r -> r.noContentType(),
            "JSON", r -> r.contentType("application/json").body("{}"),
            "multipart", r -> r.multiPart("title", "forged"));

    @Test
    void aPostIsNotDeletedByAnUnsafeRequestWithoutTheToken() {
        BrowserSession writer = fixtures.signedIn(Role.USER, true);
        String post = publish(writer);
        BODIES.forEach((kind, body) -> {
            Response forged = body.apply(writer.request()).post(post + "/delete");
            assertThat(forged.statusCode()).as(kind).isEqualTo(403);
            assertThat(forged.contentType()).as(kind).startsWith("text/html");
            assertThat(forged.asString()).as(kind).contains("did not come from one of this site");
            writer.get(post).then().statusCode(200);
        });
    }

    @Test
    void anAccountIsNotDisabledByAnUnsafeRequestWithoutTheToken() {
        BrowserSession admin = fixtures.signedIn(Role.ADMINISTRATOR, true);
        String victim = fixtures.signIn(new BrowserSession(), Role.USER, true);
        BODIES.forEach((kind, body) -> {
            assertThat(body.apply(admin.request()).post("/admin/users/" + victim + "/disable").statusCode()).as(kind).isEqualTo(403);
            assertThat(disabled(victim)).as(kind).isFalse();
        });
    }

    /**
     * An error page is rendered where quarkus-rest-csrf's filter did not run: its log-out form takes the token
     * from the browser's cookie, and that token logs out.
     */
    @Test
    void theLogOutFormOfAnErrorPageCarriesAWorkingToken() {
        BrowserSession user = fixtures.signedIn(Role.USER, true);
        String pageToken = BrowserSession.csrfToken(user.get("/").asString());
        Response missing = user.get("/no-such-page-" + System.nanoTime());
        assertThat(missing.statusCode()).isEqualTo(404);
        String errorPageToken = BrowserSession.csrfToken(missing.asString());
        assertThat(errorPageToken).isEqualTo(pageToken);
        user.request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", errorPageToken)
                .post("/logout").then().statusCode(303);
        user.get("/settings").then().statusCode(302);
    }

    @Test
    void aSessionIsNotEndedByAnUnsafeRequestWithoutTheToken() {
        BrowserSession user = new BrowserSession();
        String username = fixtures.signIn(user, Role.USER, true);
        BODIES.forEach((kind, body) -> {
            assertThat(body.apply(user.request()).post("/logout").statusCode()).as(kind).isEqualTo(403);
            user.get("/").then().body(containsString("Signed in as " + username));
        });
    }

    @Test
    void theTokenInTheHeaderLetsANonFormRequestThrough() {
        BrowserSession user = new BrowserSession();
        fixtures.signIn(user, Role.USER, true);
        String token = BrowserSession.csrfToken(user.get("/").asString());
        user.request().noContentType().header("X-CSRF-TOKEN", "not-" + token).post("/logout").then().statusCode(403);
        user.request().noContentType().header("X-CSRF-TOKEN", token).post("/logout").then().statusCode(303);
        user.get("/").then().body(containsString("href=\"/login\""));
    }

    @Test
    void aRequestFromAnotherSiteIsRefusedEvenWithTheToken() {
        BrowserSession writer = fixtures.signedIn(Role.USER, true);
        String post = publish(writer);
        for (Map.Entry<String, String> header : Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
                .entrySet()) {
            String token = BrowserSession.csrfToken(writer.get(post).asString());
            writer.request().header(header.getKey(), header.getValue()).contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", token).post(post + "/delete")
                    .then().statusCode(403).contentType(startsWith("text/html"));
            writer.get(post).then().statusCode(200);
        }
        // nor does a login form posted from another site sign anyone in
        BrowserSession visitor = new BrowserSession();
        String token = BrowserSession.csrfToken(visitor.get("/login").asString());
        visitor.request().header("Origin", "null").contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("login", "x").formParam("password", "y").post("/login")
                .then().statusCode(403);
    }

    @Test
    void theSiteItsOwnOriginAndSameSiteRequestsStillWork() {
        BrowserSession writer = fixtures.signedIn(Role.USER, true);
        String first = publish(writer);
        String second = publish(writer);
        String own = "http://localhost:" + RestAssured.port;
        deleteWith(writer, first, Map.of("Origin", own, "Sec-Fetch-Site", "same-origin")).then().statusCode(303);
        writer.get(first).then().statusCode(404);
        deleteWith(writer, second, Map.of("Origin", "http://localhost:8080", "Sec-Fetch-Site", "same-site")).then().statusCode(303);
        writer.get(second).then().statusCode(404);
    }

    @Test
    void theApiIsNotCsrfChecked() {
        // bearer tokens only: a JSON post with no CSRF token, even with the session cookie along, is the API's to judge
        BrowserSession writer = new BrowserSession();
        String username = fixtures.signIn(writer, Role.USER, true);
        String token = apiTokens.create(fixtures.idOf(username), "csrf test", dev.atrium.auth.ApiToken.Scope.WRITE, null);
        writer.request().header("Authorization", "Bearer " + token).accept("application/json").contentType("application/json")
                .body(Map.of("title", "Through the API", "body", "Text.")).post("/api/v1/posts").then().statusCode(201);
    }

    private static Response deleteWith(BrowserSession browser, String post, Map<String, String> headers) {
        String token = BrowserSession.csrfToken(browser.get(post).asString());
        return browser.request().headers(headers).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).post(post + "/delete");
    }

    private static String publish(BrowserSession writer) {
        return PostFixtures.publish(writer, AccountFixtures.unique("csrf"));
    }

    boolean disabled(String username) {
        return User.findByUsername(username).orElseThrow().disabled;
    }
}
