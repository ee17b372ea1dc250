package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.ClientAddresses;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Password guesses answered 429 with Retry-After through the real login form: 3 per account and client
 * address, 8 per account, 6 per address (see {@link LowLimits}); client addresses set by the proxy header.
 */
@QuarkusTest
@TestProfile(LowLimits.class)
class LoginThrottlingTest {

    @Inject
    AccountFixtures fixtures;

    private String newAccount(String name) {
        String username = AccountFixtures.unique(name);
        fixtures.register(BrowserSession.at(ClientAddresses.unused(), "en"), username, username + "@example.org");
        return username;
    }

    @Test
    void concurrentWrongPasswordsAreCheckedNoMoreOftenThanTheLimit() throws Exception {
        String username = newAccount("ivy");
        String address = ClientAddresses.unused();
        int parallel = 30;
        List<BrowserSession> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            BrowserSession browser = BrowserSession.at(address, "en");
            tokens.add(BrowserSession.csrfToken(browser.get("/login").asString()));
            browsers.add(browser);
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            BrowserSession browser = browsers.get(i);
            String token = tokens.get(i);
            String password = "wrong password " + i;
            answers.add(pool.submit(() -> {
                start.await();
                return post(browser, token, username, password).statusCode();
            }));
        }
        start.countDown();
        int checked = 0;
        int throttled = 0;
        for (Future<Integer> answer : answers) {
            int status = answer.get();
            if (status == 429) {
                throttled++;
            } else {
                assertThat(status).as("a checked wrong password").isEqualTo(400);
                checked++;
            }
        }
        pool.shutdown();
        assertThat(checked).as("passwords checked of 30 sent at once, limit 3").isBetween(1, 3);
        assertThat(throttled).isEqualTo(parallel - checked);
    }

    @Test
    void theEmailAndTheUsernameOfAnAccountShareOneCount() {
        String username = newAccount("hal");
        BrowserSession browser = BrowserSession.at(ClientAddresses.unused(), "en");
        login(browser, username, "wrong password 1").then().statusCode(400);
        login(browser, username + "@example.org", "wrong password 2").then().statusCode(400);
        login(browser, username.toUpperCase() + "@EXAMPLE.ORG", "wrong password 3").then().statusCode(400);
        login(browser, username, AccountFixtures.PASSWORD).then().statusCode(429)
                .header("Retry-After", Integer::parseInt, greaterThan(0))
                .body(containsString("Too many requests"), containsString("Too many password attempts"));
    }

    @Test
    void aStrangersFailuresElsewhereDoNotLockTheOwnerOutUntilTheAccountLimit() {
        String username = newAccount("kim");
        for (int stranger = 0; stranger < 2; stranger++) {
            BrowserSession browser = BrowserSession.at(ClientAddresses.unused(), "en");
            for (int i = 0; i < 3; i++) {
                login(browser, username, "guess " + i).then().statusCode(400);
            }
            login(browser, username, "guess 4").then().statusCode(429);
        }
        BrowserSession owner = BrowserSession.at(ClientAddresses.unused(), "en");
        login(owner, username, "a typo").then().statusCode(400);
        login(owner, username, AccountFixtures.PASSWORD).then().statusCode(303);
    }

    @Test
    void guessesSpreadOverAddressesMeetTheAccountLimit() {
        String username = newAccount("lee");
        for (int i = 0; i < 8; i++) {
            login(BrowserSession.at(ClientAddresses.unused(), "en"), username, "guess " + i).then().statusCode(400);
        }
        login(BrowserSession.at(ClientAddresses.unused(), "en"), username, AccountFixtures.PASSWORD).then().statusCode(429)
                .header("Retry-After", Integer::parseInt, greaterThan(0));
    }

    @Test
    void anAddressIsThrottledAcrossAccountsAndTheUnknownOnesCountToo() {
        String address = ClientAddresses.unused();
        BrowserSession browser = BrowserSession.at(address, "en");
        for (int i = 0; i < 6; i++) {
            login(browser, "no-such-user-" + i, "whatever password").then().statusCode(400);
        }
        login(browser, "another-one", "whatever password").then().statusCode(429)
                .header("Retry-After", Integer::parseInt, greaterThan(0));
        login(BrowserSession.at(ClientAddresses.unused(), "en"), "another-one", "whatever password").then().statusCode(400);
    }

    @Test
    void theRefusalSpeaksTheVisitorsLanguage() {
        String username = newAccount("mei");
        BrowserSession browser = BrowserSession.at(ClientAddresses.unused(), "zh-CN");
        for (int i = 0; i < 3; i++) {
            login(browser, username, "wrong password " + i).then().statusCode(400);
        }
        login(browser, username, "wrong password").then().statusCode(429)
                .header("Retry-After", Integer::parseInt, greaterThan(0))
                .body(containsString("<html lang=\"zh-CN\">"), containsString("请求过多"), containsString("密码尝试次数过多"));
    }

    private static io.restassured.response.Response login(BrowserSession browser, String login, String password) {
        return post(browser, BrowserSession.csrfToken(browser.get("/login").asString()), login, password);
    }

    private static io.restassured.response.Response post(BrowserSession browser, String token, String login, String password) {
        return browser.request().contentType("application/x-www-form-urlencoded")
                .formParam("login", login).formParam("password", password).formParam("csrf-token", token)
                .post("/login");
    }
}
