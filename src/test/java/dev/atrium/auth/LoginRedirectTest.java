package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.LogCapture;
import dev.atrium.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A visitor who must sign in first is sent to the login page, whatever the URL they asked for holds, and
 * comes back to that page, and only to a page of this site, after signing in.
 */
@QuarkusTest
class LoginRedirectTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;
    @Inject
    AccountFixtures fixtures;

    /** Netty refuses a {@code ;} in a cookie value: the built-in mechanism put the URL in one and never answered. */
    @ParameterizedTest
    @ValueSource(strings = { "/settings;x", "/settings?a=1;b", "/admin;x", "/posts/new;x", "/settings;jsessionid=ABC" })
    void aProtectedPageWithASemicolonIsAnsweredWithTheLoginRedirect(String path) throws IOException {
        try (LogCapture vertx = LogCapture.of("io.vertx"); LogCapture quarkus = LogCapture.of("io.quarkus")) {
            RawHttp.Answer answer = RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n");

            assertThat(answer.status()).isEqualTo(302);
            assertThat(header(answer, "location")).startsWith("/login");
            assertThat(answer.head().toLowerCase()).doesNotContain("quarkus-redirect-location");
            assertThat(vertx.entries()).noneMatch(entry -> entry.level().intValue() >= Level.SEVERE.intValue());
            assertThat(quarkus.entries()).noneMatch(entry -> entry.level().intValue() >= Level.SEVERE.intValue());
        }
    }

    @Test
    void theLoginPageRemembersALocalPathOnly() throws IOException {
        assertThat(location("GET /settings HTTP/1.1\r\nHost: localhost")).isEqualTo("/login?next=%2Fsettings");
        assertThat(location("GET /settings?tab=tokens HTTP/1.1\r\nHost: localhost")).isEqualTo("/login?next=%2Fsettings%3Ftab%3Dtokens");
        // a form posted without a session: coming back would be a GET of a POST-only address
        assertThat(location("POST /settings/password HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0")).isEqualTo("/login");
    }

    /** {@code Host} is the client's to choose: no redirect may send the browser to it. */
    @ParameterizedTest
    @ValueSource(strings = { "GET /admin HTTP/1.1", "GET /settings HTTP/1.1", "GET /language?lang=en&next=/about HTTP/1.1",
            "GET /posts/new HTTP/1.1" })
    void redirectsNeverNameTheRequestsHost(String requestLine) throws IOException {
        String location = location(requestLine + "\r\nHost: evil.example");

        assertThat(location).startsWith("/").doesNotStartWith("//").doesNotContain("evil.example");
    }

    @Test
    void afterSigningInTheBrowserGoesBackToThePageItAskedFor() {
        BrowserSession browser = new BrowserSession();
        String username = AccountFixtures.unique("back");
        fixtures.register(browser, username, username + "@example.org");
        fixtures.promote(username, Role.USER, true);
        String loginPage = browser.get("/settings").then().statusCode(302).extract().header("Location");
        assertThat(browser.request().urlEncodingEnabled(false).get(loginPage).asString()).contains("name=\"next\" value=\"/settings\"");

        browser.submit(loginPage, "/login", Map.of("login", username, "password", AccountFixtures.PASSWORD, "next", "/settings"))
                .then().statusCode(303).header("Location", equalTo("/settings"));
        browser.get("/settings").then().statusCode(200);
    }

    @Test
    void theFormMechanismsOwnLoginAddressIsNotALogin() throws IOException {
        RawHttp.Answer answer = RawHttp.send(port, "POST /j_security_check HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 31\r\nConnection: close\r\n\r\n"
                + "j_username=a&j_password=bbbbbbb");

        assertThat(answer.status()).isBetween(400, 499);
    }

    private String location(String head) throws IOException {
        RawHttp.Answer answer = RawHttp.send(port, head + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).as(answer.head()).isIn(302, 303);
        return header(answer, "location");
    }

    private static String header(RawHttp.Answer answer, String name) {
        for (String line : answer.head().split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        throw new AssertionError("no " + name + " header in\n" + answer.head());
    }
}
