package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.ProdProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Prod with {@code atrium.auth.secure-cookies=false}: every cookie follows that one setting, so forms and
 * sessions work over plain HTTP; and the CSRF cookie is SameSite and renewed at login.
 */
@QuarkusTest
@TestProfile(ProdProfile.PlainHttp.class)
class CookiesOverPlainHttpTest {

    @Inject
    AccountFixtures fixtures;

    @Test
    void noCookieIsSecureAndTheFormsWork() {
        BrowserSession browser = new BrowserSession();
        Response page = browser.get("/register");
        assertThat(page.getDetailedCookie("atrium-csrf").isSecured()).as("CSRF cookie").isFalse();
        assertThat(page.getDetailedCookie("atrium-csrf").getSameSite()).isEqualToIgnoringCase("Lax");

        String username = fixtures.signIn(browser, Role.USER, true);
        browser.get("/").then().statusCode(200).body(containsString("Signed in as " + username));
        browser.submit("/", "/logout", Map.of()).then().statusCode(303);
        browser.get("/").then().body(containsString("href=\"/login\""));
    }

    @Test
    void theCsrfTokenIsRenewedAtLogin() {
        BrowserSession browser = new BrowserSession();
        String username = AccountFixtures.unique("renew");
        fixtures.register(browser, username, username + "@example.org");
        String before = BrowserSession.csrfToken(browser.get("/login").asString());

        Response login = browser.request().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("login", username, "password", AccountFixtures.PASSWORD, "csrf-token", before))
                .post("/login");
        login.then().statusCode(303);
        String renewed = login.getCookie("atrium-csrf");
        assertThat(renewed).as("a new token with the login").isNotBlank().isNotEqualTo(before);
        assertThat(login.getDetailedCookie("atrium-csrf").getSameSite()).isEqualToIgnoringCase("Lax");

        // every page after it has the new one, an error page's log-out form too
        assertThat(BrowserSession.csrfToken(browser.get("/no-such-page").asString())).isEqualTo(renewed);
        String after = BrowserSession.csrfToken(browser.get("/").asString());
        assertThat(after).isEqualTo(renewed);
        // a token known before the login (planted, or read off the login page) does not work after it
        browser.request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", before)
                .post("/logout").then().statusCode(403);
        browser.get("/").then().body(containsString("Signed in as " + username));
        browser.request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", after)
                .post("/logout").then().statusCode(303);
    }
}
