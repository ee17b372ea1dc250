package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.BrowserSession;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccountSettingsTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/[a-z/]+/[A-Za-z0-9_.-]+)");

    @Inject
    AccountFixtures fixtures;
    @Inject
    AccountDirectory accounts;
    @Inject
    SignedTokens tokens;

    @Test
    void settingsNeedASignedInUser() {
        new BrowserSession().get("/settings").then().statusCode(302).header("Location", startsWith("/login"));
    }

    @Test
    void changingThePasswordAsksForTheCurrentOne() {
        BrowserSession browser = new BrowserSession();
        String username = signedInAs(browser);

        browser.submit("/settings", "/settings/password", Map.of("currentPassword", "wrong one!", "newPassword", "a brand new passphrase"))
                .then().statusCode(400).body(containsString("The current password is not right."),
                        not(containsString("a brand new passphrase")));
        browser.submit("/settings", "/settings/password", Map.of("currentPassword", AccountFixtures.PASSWORD, "newPassword", "short"))
                .then().statusCode(400).body(containsString("Use at least 8 characters."));
        browser.submit("/settings", "/settings/password",
                Map.of("currentPassword", AccountFixtures.PASSWORD, "newPassword", "a brand new passphrase"))
                .then().statusCode(303).header("Location", endsWith("/settings?done=password"));

        BrowserSession other = new BrowserSession();
        other.submit("/login", "/login", Map.of("login", username, "password", AccountFixtures.PASSWORD)).then().statusCode(400);
        other.submit("/login", "/login", Map.of("login", username, "password", "a brand new passphrase")).then().statusCode(303);
    }

    @Test
    void changingTheEmailTakesEffectOnlyFromTheNewAddress() {
        BrowserSession browser = new BrowserSession();
        String username = signedInAs(browser);
        String newEmail = AccountFixtures.unique("new") + "@example.net";

        browser.submit("/settings", "/settings/email", Map.of("currentPassword", "wrong one!", "newEmail", newEmail))
                .then().statusCode(400).body(containsString("The current password is not right."),
                        containsString("value=\"" + newEmail + "\""));
        browser.submit("/settings", "/settings/email", Map.of("currentPassword", AccountFixtures.PASSWORD, "newEmail", newEmail))
                .then().statusCode(303);
        assertThat(accounts.account(username).orElseThrow().email).isNotEqualTo(newEmail);

        String link = linkIn(fixtures.awaitMail(newEmail, Duration.ofSeconds(5)));
        browser.get(link).then().statusCode(200).body(containsString(newEmail));
        assertThat(accounts.account(username).orElseThrow().email).as("GET changes nothing").isNotEqualTo(newEmail);
        browser.submit(link, link, Map.of()).then().statusCode(303).header("Location", endsWith("/settings?done=email"));
        assertThat(accounts.account(username).orElseThrow().email).isEqualTo(newEmail);
    }

    @Test
    void aForgottenPasswordIsResetOnceThroughTheEmailedLink() {
        BrowserSession browser = new BrowserSession();
        String username = AccountFixtures.unique("ivy");
        String email = username + "@example.org";
        fixtures.register(browser, username, email);

        browser.submit("/reset", "/reset", Map.of("email", email)).then().statusCode(303).header("Location", endsWith("/reset?sent=true"));
        browser.submit("/reset", "/reset", Map.of("email", "nobody-" + email)).then().statusCode(303)
                .header("Location", endsWith("/reset?sent=true"));
        Mail mail = fixtures.awaitMail(email, "Reset your Atrium password", Duration.ofSeconds(5));
        String link = linkIn(mail);

        browser.get(link).then().statusCode(200).body(containsString("Choose a new password"));
        browser.submit(link, link, Map.of("newPassword", "password")).then().statusCode(400)
                .body(containsString("one of the most common"));
        browser.submit(link, link, Map.of("newPassword", "another good passphrase")).then().statusCode(200)
                .body(containsString("Your password is reset."));
        browser.get(link).then().statusCode(400).body(containsString("has been used"));

        new BrowserSession().submit("/login", "/login", Map.of("login", username, "password", "another good passphrase"))
                .then().statusCode(303);
    }

    @Test
    void expiredAndForgedResetLinksAreRefused() {
        BrowserSession browser = new BrowserSession();
        String username = AccountFixtures.unique("jay");
        fixtures.register(browser, username, username + "@example.org");
        long id = accounts.account(username).orElseThrow().id;

        String version = Long.toString(accounts.account(username).orElseThrow().passwordChangedAt.toEpochMilli());
        String expired = tokens.issue(PasswordReset.PURPOSE, id, version, Instant.now().minus(Duration.ofHours(2)));
        String confirmToken = tokens.issue(ConfirmationLinks.PURPOSE, id, username + "@example.org", Instant.now());
        for (String bad : new String[] { expired, confirmToken, "nonsense" }) {
            browser.get("/reset/" + bad).then().statusCode(400).body(containsString("This link is not valid"));
        }
    }

    private String signedInAs(BrowserSession browser) {
        return fixtures.signIn(browser, Role.USER, true);
    }

    private static String linkIn(Mail mail) {
        Matcher matcher = LINK.matcher(mail.getText());
        assertThat(matcher.find()).as("a link in:%n%s", mail.getText()).isTrue();
        return matcher.group(1);
    }
}
