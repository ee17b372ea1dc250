package dev.atrium.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * An API token opens the API and nothing else: sent to a page, it is as if no one had come, whatever the
 * account behind it may do there.
 */
@QuarkusTest
class ApiTokenReachTest {

    private static final Pattern TOKEN = Pattern.compile("<code id=\"new-token\">(atr_[A-Za-z0-9_-]+)</code>");

    @Inject
    AccountFixtures fixtures;

    private static Map<String, String> tokenForm(String name, String scope, String expiry) {
        return Map.of("name", name, "currentPassword", AccountFixtures.PASSWORD, "scope", scope, "expiry", expiry);
    }

    private static String created(Response page) {
        String html = page.then().statusCode(200).extract().asString();
        Matcher matcher = TOKEN.matcher(html);
        assertThat(matcher.find()).as("a new token in%n%s", html).isTrue();
        return matcher.group(1);
    }

    private static RequestSpecification bearer(String token) {
        return given().redirects().follow(false).header("Authorization", "Bearer " + token);
    }

    @Test
    void anAdministratorsTokenOpensNoPage() {
        String token = created(fixtures.signedIn(Role.ADMINISTRATOR, true).submit("/settings", "/settings/tokens",
                tokenForm("leaked", "write", "none")));
        bearer(token).accept("application/json").get("/api/v1/users/me").then().statusCode(200);

        for (String page : new String[] { "/settings", "/admin/users", "/admin/audit", "/posts/new" }) {
            for (String accept : new String[] { "text/html", "*/*" }) {
                bearer(token).accept(accept).get(page).then().statusCode(oneOf(302, 401, 403))
                        .body(not(containsString("Signed in as")));
            }
        }
    }

    @Test
    void aTokenCannotMintAnotherOnTheSettingsPage() {
        BrowserSession owner = fixtures.signedIn(Role.USER, true);
        String token = created(owner.submit("/settings", "/settings/tokens", tokenForm("leaked", "write", "none")));

        // a client holding only the token takes a CSRF token from any public form, then tries the settings form
        BrowserSession thief = new BrowserSession();
        String csrf = BrowserSession.csrfToken(thief.get("/login").asString());
        String answer = thief.request().header("Authorization", "Bearer " + token)
                .contentType("application/x-www-form-urlencoded").formParams(tokenForm("mine now", "write", "none"))
                .formParam("csrf-token", csrf).post("/settings/tokens")
                .then().statusCode(oneOf(302, 401, 403)).extract().asString();
        assertThat(answer).doesNotContain("new-token").doesNotContain("atr_");
        assertThat(owner.get("/settings").asString()).doesNotContain("mine now");
    }
}
