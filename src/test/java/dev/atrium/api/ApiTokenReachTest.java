package dev.atrium.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;


import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An API token opens the API and nothing else: sent to a page, it is as if no one had come, whatever the
 * account behind it may do there.
 */
@QuarkusTest
class ApiTokenReachTest {

    @Inject
    AccountFixtures fixtures;

    @Test
    void anAdministratorsTokenOpensNoPage() {
        String token = ApiTokens.created(fixtures.signedIn(Role.ADMINISTRATOR, true).submit("/settings", "/settings/tokens",
                ApiTokens.form("leaked", "write", "none")));
        ApiTokens.bearer(token).accept("application/json").get("/api/v1/users/me").then().statusCode(200);

        for (String page : new String[] { "/settings", "/admin/users", "/admin/audit", "/posts/new" }) {
            for (String accept : new String[] { "text/html", "*/*" }) {
                ApiTokens.bearer(token).accept(accept).get(page).then().statusCode(oneOf(302, 401, 403))
                        .body(not(containsString("Signed in as")));
            }
        }
    }

    @Test
    void aTokenCannotMintAnotherOnTheSettingsPage() {
        BrowserSession owner = fixtures.signedIn(Role.USER, true);
        String token = ApiTokens.created(owner.submit("/settings", "/settings/tokens", ApiTokens.form("leaked", "write", "none")));

        // a client holding only the token takes a CSRF token from any public form, then tries the settings form
        BrowserSession thief = new BrowserSession();
        String csrf = BrowserSession.csrfToken(thief.get("/login").asString());
        String answer = thief.request().header("Authorization", "Bearer " + token)
                .contentType("application/x-www-form-urlencoded").formParams(ApiTokens.form("mine now", "write", "none"))
                .formParam("csrf-token", csrf).post("/settings/tokens")
                .then().statusCode(oneOf(302, 401, 403)).extract().asString();
        assertThat(answer).doesNotContain("new-token").doesNotContain("atr_");
        assertThat(owner.get("/settings").asString()).doesNotContain("mine now");
    }
}
