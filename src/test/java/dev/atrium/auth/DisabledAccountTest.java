package dev.atrium.auth;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;

/** A disabled account can neither log in nor go on using a session it already had. */
@QuarkusTest
class DisabledAccountTest {

    @Inject
    AccountFixtures fixtures;

    @Test
    void aDisabledAccountLosesItsSessionAndCannotLogInAgain() {
        BrowserSession browser = new BrowserSession();
        String username = fixtures.signIn(browser, Role.USER, true);
        browser.get("/settings").then().statusCode(200);

        disable(username);

        browser.get("/").then().statusCode(302); // to the login page, with the session cookies expired
        browser.get("/").then().statusCode(200).body(not(containsString("Signed in as")));
        browser.get("/login").then().statusCode(200).body(containsString("name=\"password\""));
        browser.get("/settings").then().statusCode(302);
        new BrowserSession().submit("/login", "/login", Map.of("login", username, "password", AccountFixtures.PASSWORD))
                .then().statusCode(400);
    }

    @Transactional
    void disable(String username) {
        User.findByUsername(username).orElseThrow().disabled = true;
    }
}
