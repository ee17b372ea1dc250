package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.BrowserSession;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class AuthFlowTest {

    @Inject
    AccountFixtures fixtures;
    @Inject
    SignedTokens tokens;
    @Inject
    AccountDirectory accounts;

    @Test
    void registerConfirmLogInAndOut() {
        BrowserSession browser = new BrowserSession();
        String username = AccountFixtures.unique("alice");
        String email = username + "@Example.org";

        browser.submit("/register", "/register",
                Map.of("email", email, "username", username, "password", AccountFixtures.PASSWORD))
                .then().statusCode(303).header("Location", endsWith("/register/sent"));
        browser.get("/register/sent").then().statusCode(200).body(containsString("Check your email"));

        String link = fixtures.confirmationPath(email.toLowerCase());
        Mail mail = fixtures.awaitMail(email.toLowerCase(), Duration.ofSeconds(5));
        assertThat(mail.getSubject()).isEqualTo("Confirm your Atrium account");
        assertThat(mail.getHtml()).contains("<a href=\"http://localhost:8080" + link + "\">");
        assertThat(accounts.account(username).orElseThrow().confirmed).isFalse();

        browser.get(link).then().statusCode(200).body(containsString("Press the button to confirm"));
        assertThat(accounts.account(username).orElseThrow().confirmed).as("GET changes nothing").isFalse();
        browser.submit(link, link, Map.of()).then().statusCode(200)
                .body(containsString("your email address is confirmed"));
        assertThat(accounts.account(username).orElseThrow().confirmed).isTrue();

        Response login = browser.submit("/login", "/login", Map.of("login", email, "password", AccountFixtures.PASSWORD));
        login.then().statusCode(303).header("Location", endsWith("/"));
        assertThat(login.getDetailedCookie("atrium-session").isHttpOnly()).isTrue();
        assertThat(login.getDetailedCookie("atrium-session").getSameSite()).isEqualToIgnoringCase("Lax");
        browser.get("/").then().body(containsString("Signed in as " + username.toLowerCase()));

        browser.submit("/", "/logout", Map.of()).then().statusCode(303);
        browser.get("/").then().body(not(containsString("Signed in as")), containsString("href=\"/login\""));
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameAnswer() {
        BrowserSession browser = new BrowserSession();
        String username = fixtures.register(browser, AccountFixtures.unique("bob"), AccountFixtures.unique("bob") + "@example.org");

        Response wrongPassword = browser.submit("/login", "/login", Map.of("login", username, "password", "not the password"));
        Response unknown = browser.submit("/login", "/login", Map.of("login", "nobody-" + username, "password", "whatever1234"));

        wrongPassword.then().statusCode(400).body(containsString("The login or password is not right."),
                containsString("value=\"" + username + "\""), not(containsString("not the password")));
        unknown.then().statusCode(400).body(containsString("The login or password is not right."));
        assertThat(wrongPassword.getCookie("atrium-session")).isNull();
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        BrowserSession browser = new BrowserSession();
        String username = fixtures.register(browser, AccountFixtures.unique("carol"), AccountFixtures.unique("carol") + "@example.org");

        Response forged = browser.postWithoutToken("/login", Map.of("login", username, "password", AccountFixtures.PASSWORD));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.asString()).contains("did not come from one of this site");
        assertThat(forged.getCookie("atrium-session")).isNull();

        browser.postWithoutToken("/register", Map.of("email", "x@example.org", "username", "mallory", "password", "long enough pass"))
                .then().statusCode(403);
        String page = browser.get("/login").asString();
        browser.request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", "not-the-token")
                .formParam("login", username).formParam("password", AccountFixtures.PASSWORD).post("/login")
                .then().statusCode(403);
        org.assertj.core.api.Assertions.assertThat(page).contains("name=\"csrf-token\"");
        assertThat(accounts.account("mallory")).isEmpty();
    }

    @Test
    void registrationErrorsAreShownNextToTheirFieldsWithTheInputKept() {
        BrowserSession browser = new BrowserSession();
        browser.submit("/register", "/register", Map.of("email", "not-an-address", "username", "a b", "password", "short"))
                .then().statusCode(400)
                .body(containsString("Enter a valid email address."),
                        containsString("Use 3 to 32 letters, digits"),
                        containsString("Use at least 8 characters."),
                        containsString("value=\"not-an-address\""),
                        not(containsString("value=\"short\"")));
        browser.submit("/register", "/register", Map.of("email", "ok@example.org", "username", "okname", "password", "Password123"))
                .then().statusCode(400).body(containsString("one of the most common"));
    }

    @Test
    void aTakenUsernameIsSaidButATakenEmailLooksLikeSuccess() {
        BrowserSession browser = new BrowserSession();
        String username = AccountFixtures.unique("dave");
        String email = username + "@example.org";
        fixtures.register(browser, username, email);

        browser.submit("/register", "/register", Map.of("email", "other-" + email, "username", username, "password", AccountFixtures.PASSWORD))
                .then().statusCode(400).body(containsString("This username is taken"));

        browser.submit("/register", "/register", Map.of("email", email, "username", username + "2", "password", AccountFixtures.PASSWORD))
                .then().statusCode(303).header("Location", endsWith("/register/sent"));
        Mail notice = fixtures.awaitMail(email, "About your Atrium account", Duration.ofSeconds(5));
        assertThat(accounts.account(username + "2")).isEmpty();
    }

    @Test
    void tamperedWrongPurposeAndExpiredTokensAreRefused() {
        BrowserSession browser = new BrowserSession();
        String username = AccountFixtures.unique("erin");
        String email = username + "@example.org";
        fixtures.register(browser, username, email);
        String link = fixtures.confirmationPath(email);
        String token = link.substring("/confirm/".length());
        long id = accounts.account(username).orElseThrow().id;

        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        String expired = tokens.issue(ConfirmationLinks.PURPOSE, id, email, Instant.now().minus(Duration.ofDays(3)));
        String otherPurpose = tokens.issue("reset", id, email, Instant.now());
        for (String bad : new String[] { tampered, expired, otherPurpose, "garbage", "a.b" }) {
            browser.get("/confirm/" + bad).then().statusCode(400).body(containsString("This link is not valid"));
        }
        browser.submit(link, "/confirm/" + expired, Map.of()).then().statusCode(400);
        assertThat(accounts.account(username).orElseThrow().confirmed).isFalse();
    }

    @Test
    void mailSpeaksTheLanguageOfThePageItCameFrom() {
        BrowserSession browser = new BrowserSession("zh-CN");
        String username = AccountFixtures.unique("li");
        String email = username + "@example.org";
        fixtures.register(browser, username, email);
        Mail mail = fixtures.awaitMail(email, Duration.ofSeconds(5));
        assertThat(mail.getSubject()).isEqualTo("确认你的 Atrium 账户");
        assertThat(mail.getText()).contains("请打开此链接确认你的邮箱地址");
        assertThat(mail.getHtml()).contains("请打开此链接确认你的邮箱地址");
    }

    @Test
    void theConfiguredAdminAddressBecomesAdministrator() {
        BrowserSession browser = new BrowserSession();
        fixtures.register(browser, AccountFixtures.unique("root"), "admin@example.org");
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> User.findByEmail("admin@example.org")).orElseThrow().role).isEqualTo(Role.ADMINISTRATOR);
    }

    @Test
    void anUnconfirmedUserIsAskedToConfirmAndCanHaveTheLinkResent() {
        BrowserSession browser = fixtures.signedIn(Role.USER, false);
        browser.get("/unconfirmed").then().statusCode(200).body(containsString("Your account is not confirmed yet"));
        browser.submit("/unconfirmed", "/confirm/resend", Map.of()).then().statusCode(303)
                .header("Location", endsWith("/unconfirmed?resent=true"));
    }
}
