package dev.atrium.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PermissionsTest {

    @Inject
    AccountFixtures fixtures;

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "USER, follow, 200", "USER, comment, 200", "USER, write, 200", "USER, moderate, 403", "USER, administer, 403",
            "MODERATOR, follow, 200", "MODERATOR, comment, 200", "MODERATOR, write, 200", "MODERATOR, moderate, 200",
            "MODERATOR, administer, 403",
            "ADMINISTRATOR, follow, 200", "ADMINISTRATOR, comment, 200", "ADMINISTRATOR, write, 200",
            "ADMINISTRATOR, moderate, 200", "ADMINISTRATOR, administer, 200" })
    void eachRoleHasItsPermissions(Role role, String action, int status) {
        BrowserSession browser = fixtures.signedIn(role, true);
        browser.get("/test-auth/" + action).then().statusCode(status);
    }

    @Test
    void aMissingPermissionGetsTheForbiddenPage() {
        fixtures.signedIn(Role.USER, true).get("/test-auth/administer").then().statusCode(403)
                .body(containsString("You do not have permission to see this page."));
    }

    @Test
    void errorPagesOfASignedInUserShowTheSessionWithItsLogOutForm() {
        BrowserSession browser = fixtures.signedIn(Role.USER, true);
        String page = browser.get("/no-such-page").then().statusCode(404).extract().asString();
        org.assertj.core.api.Assertions.assertThat(page).contains("Signed in as", "action=\"/logout\"");
        browser.submit("/no-such-page", "/logout", Map.of()).then().statusCode(303);
        browser.get("/").then().body(org.hamcrest.Matchers.not(containsString("Signed in as")));
    }

    @ParameterizedTest(name = "unconfirmed on {0}")
    @CsvSource({ "follow", "comment", "write", "moderate", "administer" })
    void anUnconfirmedAccountHoldsNoPermissionAndIsSentToConfirm(String action) {
        fixtures.signedIn(Role.ADMINISTRATOR, false).get("/test-auth/" + action).then().statusCode(303)
                .header("Location", endsWith("/unconfirmed"));
    }

    @Test
    void anAnonymousBrowserLogsInAndComesBack() {
        BrowserSession browser = new BrowserSession();
        String username = AccountFixtures.unique("frank");
        fixtures.register(browser, username, username + "@example.org");
        fixtures.promote(username, Role.USER, true);

        String loginPage = browser.get("/test-auth/write").then().statusCode(302).header("Location", startsWith("/login"))
                .extract().header("Location");
        // the login form carries the page to come back to in its "next" field, as a browser would send it
        browser.submit(loginPage, "/login", Map.of("login", username, "password", AccountFixtures.PASSWORD, "next", "/test-auth/write"))
                .then().statusCode(303).header("Location", endsWith("/test-auth/write"));
        browser.get("/test-auth/write").then().statusCode(200).body(containsString("may write"));
    }

    @Test
    void quarkusOwnLoginEndpointIsClosed() {
        BrowserSession browser = new BrowserSession();
        String username = AccountFixtures.unique("gina");
        fixtures.register(browser, username, username + "@example.org");
        var response = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", AccountFixtures.PASSWORD)
                .post("/j_security_check");
        org.assertj.core.api.Assertions.assertThat(response.getCookie("atrium-session")).isNull();
    }
}
