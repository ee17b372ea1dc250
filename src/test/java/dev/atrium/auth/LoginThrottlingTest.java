package dev.atrium.auth;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Failed logins answered 429 with Retry-After, per account and per client address (set by the proxy header). */
@QuarkusTest
@TestProfile(LoginThrottlingTest.LowLimits.class)
class LoginThrottlingTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atrium.auth.login-attempts-per-account", "3",
                    "atrium.auth.login-attempts-per-address", "6",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Inject
    AccountFixtures fixtures;

    @Test
    void anAccountIsThrottledAfterItsFailedAttemptsEvenWithTheRightPassword() {
        BrowserSession browser = new BrowserSession();
        String username = fixtures.register(browser, AccountFixtures.unique("hal"), AccountFixtures.unique("hal") + "@example.org");
        for (int i = 0; i < 3; i++) {
            login(browser, username, "wrong password " + i, "198.51.100." + i).then().statusCode(400);
        }
        login(browser, username, AccountFixtures.PASSWORD, "198.51.100.50").then().statusCode(429)
                .header("Retry-After", Integer::parseInt, greaterThan(0))
                .body(containsString("Too many requests"));
    }

    @Test
    void anAddressIsThrottledAcrossAccountsAndTheUnknownOnesCountToo() {
        BrowserSession browser = new BrowserSession();
        for (int i = 0; i < 6; i++) {
            login(browser, "no-such-user-" + i, "whatever password", "203.0.113.77").then().statusCode(400);
        }
        login(browser, "another-one", "whatever password", "203.0.113.77").then().statusCode(429)
                .header("Retry-After", Integer::parseInt, greaterThan(0));
        login(browser, "another-one", "whatever password", "203.0.113.78").then().statusCode(400);
    }

    private static io.restassured.response.Response login(BrowserSession browser, String login, String password, String address) {
        String token = BrowserSession.csrfToken(browser.get("/login").asString());
        return browser.request().header("X-Forwarded-For", address).contentType("application/x-www-form-urlencoded")
                .formParam("login", login).formParam("password", password).formParam("csrf-token", token)
                .post("/login");
    }
}
