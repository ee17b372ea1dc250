package dev.atrium.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.BrowserSession;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * A session stops working, whatever copies of its cookies exist, once its user logs out, changes or resets
 * the password, logs out everywhere, or is disabled; a password change or reset also revokes the API tokens.
 * "Another replica" is this same instance: nothing of the decision may live in one process's memory, and
 * the copied cookies are sent by a client that shares nothing with the browser that logged out.
 */
@QuarkusTest
class SessionEndTest {

    private static final Pattern TOKEN = Pattern.compile("<code id=\"new-token\">(atr_[A-Za-z0-9_-]+)</code>");
    private static final Pattern RESET_LINK = Pattern.compile("http://localhost:8080(/reset/[A-Za-z0-9_.-]+)");

    @Inject
    AccountFixtures fixtures;
    @Inject
    AccountAdministration accounts;
    @Inject
    EndedSessions endedSessions;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCopiedCookieIsRefusedAfterLogout() {
        String username = newAccount();
        BrowserSession browser = new BrowserSession();
        Map<String, String> copy = logIn(browser, username, AccountFixtures.PASSWORD);
        asCopy(copy).then().statusCode(200).body(containsString("Signed in as"));

        browser.submit("/settings", "/logout", Map.of()).then().statusCode(303);

        refused(asCopy(copy));
    }

    @Test
    void loggingInAgainEndsTheSessionTheBrowserHeld() {
        String username = newAccount();
        BrowserSession browser = new BrowserSession();
        Map<String, String> copy = logIn(browser, username, AccountFixtures.PASSWORD);

        logIn(browser, username, AccountFixtures.PASSWORD);

        refused(asCopy(copy));
        browser.get("/settings").then().statusCode(200);
    }

    @Test
    void loggingOutEndsOnlyThatSession() {
        String username = newAccount();
        BrowserSession leaving = new BrowserSession();
        logIn(leaving, username, AccountFixtures.PASSWORD);
        BrowserSession staying = new BrowserSession();
        logIn(staying, username, AccountFixtures.PASSWORD);

        leaving.submit("/settings", "/logout", Map.of()).then().statusCode(303);

        staying.get("/settings").then().statusCode(200);
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAndTokensButKeepsThisOne() {
        String username = newAccount();
        BrowserSession here = new BrowserSession();
        Map<String, String> before = logIn(here, username, AccountFixtures.PASSWORD);
        BrowserSession elsewhere = new BrowserSession();
        logIn(elsewhere, username, AccountFixtures.PASSWORD);
        String token = createToken(here);
        api(token).then().statusCode(200);

        here.submit("/settings", "/settings/password",
                Map.of("currentPassword", AccountFixtures.PASSWORD, "newPassword", "a brand new passphrase"))
                .then().statusCode(303);

        here.get("/settings").then().statusCode(200).body(containsString("Signed in as " + username));
        refused(elsewhere.get("/settings"));
        refused(asCopy(before));
        api(token).then().statusCode(401);
    }

    @Test
    void aResetEndsEverySessionAndRevokesTheTokens() {
        String username = newAccount();
        BrowserSession browser = new BrowserSession();
        Map<String, String> copy = logIn(browser, username, AccountFixtures.PASSWORD);
        String token = createToken(browser);

        new BrowserSession().submit("/reset", "/reset", Map.of("email", username + "@example.org")).then().statusCode(303);
        Matcher link = RESET_LINK.matcher(fixtures.awaitMail(username + "@example.org", "Reset your Atrium password", Duration.ofSeconds(5)).getText());
        org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();
        BrowserSession resetter = new BrowserSession();
        resetter.submit(link.group(1), link.group(1), Map.of("newPassword", "another good passphrase"))
                .then().statusCode(200).body(containsString("Your password is reset."));

        refused(browser.get("/settings"));
        refused(asCopy(copy));
        api(token).then().statusCode(401);
        new BrowserSession().submit("/login", "/login", Map.of("login", username, "password", "another good passphrase"))
                .then().statusCode(303);
    }

    @Test
    void loggingOutEverywhereEndsEverySessionOfTheAccount() {
        String username = newAccount();
        BrowserSession here = new BrowserSession();
        logIn(here, username, AccountFixtures.PASSWORD);
        BrowserSession elsewhere = new BrowserSession();
        Map<String, String> copy = logIn(elsewhere, username, AccountFixtures.PASSWORD);
        BrowserSession someoneElse = fixtures.signedIn(Role.USER, true);

        here.get("/settings").then().statusCode(200).body(containsString("action=\"/settings/logout-everywhere\""));
        here.submit("/settings", "/settings/logout-everywhere", Map.of()).then().statusCode(303);

        refused(here.get("/settings"));
        refused(elsewhere.get("/settings"));
        refused(asCopy(copy));
        someoneElse.get("/settings").then().statusCode(200);
        logIn(new BrowserSession(), username, AccountFixtures.PASSWORD); // the account itself is fine
    }

    @Test
    void reEnablingAnAccountDoesNotBringItsOldSessionsBack() {
        String username = newAccount();
        BrowserSession browser = new BrowserSession();
        Map<String, String> copy = logIn(browser, username, AccountFixtures.PASSWORD);

        setDisabled(username, true);
        setDisabled(username, false);

        refused(asCopy(copy));
        logIn(new BrowserSession(), username, AccountFixtures.PASSWORD);
    }

    @Test
    void logOutEverywhereNeedsTheCsrfToken() {
        BrowserSession browser = fixtures.signedIn(Role.USER, true);
        browser.postWithoutToken("/settings/logout-everywhere", Map.of()).then().statusCode(403);
        browser.get("/settings").then().statusCode(200);
    }

    @Test
    void endedSessionsAreForgottenOnceTheirLifetimeIsOver() throws Exception {
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement(
                "insert into ended_sessions (session_id, expires_at) values (?, ?)")) {
            insert.setString(1, "over");
            insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));
            insert.executeUpdate();
            insert.setString(1, "still-running");
            insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1));
            insert.executeUpdate();
        }

        endedSessions.forgetExpired();

        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(
                "select session_id from ended_sessions where session_id in ('over', 'still-running')");
                var rows = select.executeQuery()) {
            org.assertj.core.api.Assertions.assertThat(rows.next()).isTrue();
            org.assertj.core.api.Assertions.assertThat(rows.getString(1)).isEqualTo("still-running");
            org.assertj.core.api.Assertions.assertThat(rows.next()).isFalse();
        }
    }

    private String newAccount() {
        String username = AccountFixtures.unique("s");
        fixtures.register(new BrowserSession(), username, username + "@example.org");
        fixtures.promote(username, Role.USER, true);
        return username;
    }

    /** Logs in on {@code browser}; returns a copy of the session's cookies, as someone who took them would hold. */
    private static Map<String, String> logIn(BrowserSession browser, String username, String password) {
        Response answer = browser.submit("/login", "/login", Map.of("login", username, "password", password));
        answer.then().statusCode(303);
        Map<String, String> copy = answer.getCookies().entrySet().stream()
                .filter(c -> c.getKey().equals("atrium-session") || c.getKey().equals(SessionCookies.START_COOKIE))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        org.assertj.core.api.Assertions.assertThat(copy).hasSize(2);
        return copy;
    }

    private static Response asCopy(Map<String, String> cookies) {
        return given().redirects().follow(false).accept("text/html").cookies(cookies).get("/settings");
    }

    /** Not served: sent to the login page. */
    private static ValidatableResponse refused(Response answer) {
        return answer.then().statusCode(302).body(not(containsString("Signed in as")));
    }

    private static String createToken(BrowserSession browser) {
        String page = browser.submit("/settings", "/settings/tokens", Map.of("name", "script",
                "currentPassword", AccountFixtures.PASSWORD, "scope", "write", "expiry", "none")).then().statusCode(200)
                .extract().asString();
        Matcher matcher = TOKEN.matcher(page);
        org.assertj.core.api.Assertions.assertThat(matcher.find()).as("a new token in%n%s", page).isTrue();
        return matcher.group(1);
    }

    private static Response api(String token) {
        return given().accept("application/json").header("Authorization", "Bearer " + token).get("/api/v1/users/me");
    }

    @Transactional
    void setDisabled(String username, boolean disabled) {
        // through the service, as the administration page does
        User user = User.findByUsername(username).orElseThrow();
        accounts.setDisabled(user.id, disabled);
    }
}
