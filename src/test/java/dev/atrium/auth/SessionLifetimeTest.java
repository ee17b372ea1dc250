package dev.atrium.auth;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A session ends at its absolute lifetime however active it is, and cannot be moved to another user. */
@QuarkusTest
class SessionLifetimeTest {

    @Inject
    AccountFixtures fixtures;
    @Inject
    SignedTokens tokens;

    @Test
    void aSessionWithinItsLifetimeIsHonoured() {
        fixtures.signedIn(Role.USER, true).get("/settings").then().statusCode(200);
    }

    @Test
    void aSessionPastItsLifetimeIsDroppedEvenWhileActive() {
        BrowserSession browser = fixtures.signedIn(Role.USER, true);
        String username = browser.get("/settings").then().statusCode(200).extract().asString()
                .replaceAll("(?s).*Signed in as ([a-z0-9]+).*", "$1");
        String old = tokens.issue("session", 0, SessionCookies.subject(username, "some-session", 0),
                Instant.now().minus(Duration.ofHours(13)));

        Response answer = browser.request().cookie(SessionCookies.START_COOKIE, old).get("/");
        answer.then().statusCode(200).body(not(containsString("Signed in as")));
        org.assertj.core.api.Assertions.assertThat(answer.getDetailedCookie("atrium-session").getMaxAge()).isZero();
    }

    @Test
    void aSessionWithoutItsStartCookieOrWithAnotherUsersIsDropped() {
        BrowserSession browser = fixtures.signedIn(Role.USER, true);
        String someoneElse = tokens.issue("session", 0, SessionCookies.subject("someone-else", "some-session", 0), Instant.now());
        browser.request().cookie(SessionCookies.START_COOKIE, someoneElse).get("/settings").then().statusCode(302);
        browser.request().cookie(SessionCookies.START_COOKIE, "forged").get("/settings").then().statusCode(302);
    }

    @Test
    void aStartCookieFromBeforeSessionsHadIdsIsDropped() {
        BrowserSession browser = new BrowserSession();
        String username = fixtures.signIn(browser, Role.USER, true);
        browser.get("/settings").then().statusCode(200);
        String withoutSessionId = tokens.issue("session", 0, username, Instant.now());
        browser.request().cookie(SessionCookies.START_COOKIE, withoutSessionId).get("/settings").then().statusCode(302);
    }
}
