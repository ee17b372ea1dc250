package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The session machinery answers 3xx or 4xx, never 5xx, and logs no ERROR, whatever the client sends it. */
@QuarkusTest
class SessionEdgesTest {

    @Inject
    AccountFixtures fixtures;

    @Test
    void formAuthenticationsOwnLoginAddressIsNotThere() {
        try (LogCapture log = LogCapture.all()) {
            BrowserSession browser = new BrowserSession();
            for (String path : List.of("/j_security_check", "/posts/j_security_check")) {
                Response answer = browser.request().contentType("application/x-www-form-urlencoded")
                        .formParam("j_username", "admin").formParam("j_password", "whatever").post(path);
                // not a login anywhere: no such page, or (a post's address) the login redirect like any anonymous write
                assertThat(answer.statusCode()).as(path).isIn(302, 404);
                assertThat(answer.getCookie("atrium-session")).isNull();
            }
            browser.request().noContentType().post("/j_security_check").then().statusCode(404);
            assertNoErrors(log);
        }
    }

    @Test
    void loggingOutWithoutASessionIsARedirect() {
        try (LogCapture log = LogCapture.all()) {
            // a session that expired while the page was open: the form still has its token
            BrowserSession browser = new BrowserSession();
            browser.submit("/login", "/logout", Map.of()).then().statusCode(303);
            // and one that was never valid
            String token = BrowserSession.csrfToken(browser.get("/login").asString());
            browser.request().cookie("atrium-session", "Zm9yZ2Vk").contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", token).post("/logout").then().statusCode(303);
            assertNoErrors(log);
        }
    }

    @Test
    void forgedOrTruncatedSessionCookiesAreNoSession() {
        BrowserSession browser = new BrowserSession();
        String username = fixtures.signIn(browser, Role.USER, true);
        Response login = browser.submit("/login", "/login", Map.of("login", username, "password", AccountFixtures.PASSWORD));
        String session = login.getCookie("atrium-session");
        String start = login.getCookie("atrium-session-start");
        assertThat(session).isNotBlank();
        assertThat(start).isNotBlank();
        List<String> forgeries = List.of("", "x", "Zm9yZ2Vk", "////", "AAAA", "_w==", "-1", "a".repeat(3000), "AQID",
                "/wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", "gAAAAA==", "a.b", ".", "c2Vzc2lvbnwwfHh8eQ.AA",
                session.substring(0, session.length() / 2), session.substring(0, 8), flipped(session),
                start.substring(0, start.length() / 2), start.substring(0, start.length() - 2), flipped(start));
        try (LogCapture log = LogCapture.all()) {
            for (String forged : forgeries) {
                Map<String, Map<String, String>> cases = Map.of(
                        "session", Map.of("atrium-session", forged, "atrium-session-start", start),
                        "start", Map.of("atrium-session", session, "atrium-session-start", forged),
                        "both", Map.of("atrium-session", forged, "atrium-session-start", forged));
                cases.forEach((which, cookies) -> {
                    Response settings = new BrowserSession().request().cookies(cookies).get("/settings");
                    assertThat(settings.statusCode()).as(which + " = " + forged).isBetween(300, 499);
                    Response index = new BrowserSession().request().cookies(cookies).get("/");
                    assertThat(index.statusCode()).as(which + " = " + forged).isBetween(200, 499);
                    assertThat(index.asString()).doesNotContain("Signed in as");
                });
            }
            assertNoErrors(log);
        }
        browser.get("/settings").then().statusCode(200); // the genuine pair still works
    }

    /** One character changed in the middle: the last one of base64 may carry only unused bits. */
    private static String flipped(String value) {
        int middle = value.length() / 2;
        char c = value.charAt(middle);
        return value.substring(0, middle) + (c == 'A' ? 'B' : 'A') + value.substring(middle + 1);
    }

    private static void assertNoErrors(LogCapture log) {
        assertThat(log.entries()).filteredOn(e -> e.level().intValue() >= Level.SEVERE.intValue())
                .as("ERROR log lines").isEmpty();
    }
}
