package dev.atrium.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;

/**
 * Accounts in the packaged application, on PostgreSQL, with production's cookie settings. Its cookies are
 * Secure, which a cookie jar will not send back over the plain HTTP of this test (a browser reaches prod
 * through TLS at the load balancer), so the test carries them by hand.
 */
@QuarkusIntegrationTest
class AccountsIT {

    @Test
    void registerAndLogInWithProductionCookies() {
        String username = "it" + System.nanoTime() % 1_000_000_000L;
        post("/register", Map.of("email", username + "@example.org", "username", username, "password", "correct horse battery"))
                .then().statusCode(303).header("Location", endsWith("/register/sent"));

        post("/login", Map.of("login", username, "password", "not the password"))
                .then().statusCode(400).body(containsString("The login or password is not right."));

        Response login = post("/login", Map.of("login", username, "password", "correct horse battery"));
        login.then().statusCode(303);
        Cookie session = login.getDetailedCookie("atrium-session");
        assertThat(session.isSecured()).as("Secure in prod").isTrue();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(login.getDetailedCookie("atrium-session-start").isSecured()).isTrue();

        given().accept("text/html").cookie(session).cookie(login.getDetailedCookie("atrium-session-start"))
                .get("/settings").then().statusCode(200).body(containsString("Signed in as " + username));
    }

    /** GETs the form page for its CSRF cookie and token, then posts the fields with both. */
    private static Response post(String path, Map<String, String> fields) {
        Response page = given().accept("text/html").get(path);
        Cookie csrf = page.getDetailedCookie("atrium-csrf");
        assertThat(csrf.isSecured()).as("CSRF cookie Secure in prod").isTrue();
        return given().redirects().follow(false).accept("text/html").cookie(csrf.getName(), csrf.getValue())
                .contentType("application/x-www-form-urlencoded").formParams(fields)
                .formParam("csrf-token", BrowserSession.csrfToken(page.asString()))
                .post(path);
    }
}
