package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.LogCapture;
import dev.atrium.testing.ProdProfile;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every account flow that mails a token, run with prod's access log on: no mailed token reaches any log.
 * (The test's mock mailbox echoes each mail to the "quarkus-mailer" log, as dev mode wants; prod sends
 * them by SMTP. That echo is the one log line left out of the scan.)
 */
@QuarkusTest
@TestProfile(ProdProfile.PlainHttp.class)
class SecretsInLogsTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/[a-z/]+/([A-Za-z0-9_.-]+))");

    @Inject
    AccountFixtures fixtures;
    @Inject
    MockMailbox mailbox;

    @Test
    void noMailedTokenReachesTheLogs() throws Exception {
        List<String> tokens = new ArrayList<>();
        List<String> lines;
        try (LogCapture log = LogCapture.all()) {
            // register and confirm
            BrowserSession browser = new BrowserSession();
            String username = AccountFixtures.unique("logs");
            String email = username + "@example.org";
            fixtures.register(browser, username, email);
            String confirm = link(fixtures.awaitMail(email, Duration.ofSeconds(10)), tokens);
            browser.get(confirm).then().statusCode(200);
            browser.submit(confirm, confirm, Map.of()).then().statusCode(200);
            browser.get(confirm + "x").then().statusCode(400); // a tampered link, answered and logged too

            // a forgotten password
            BrowserSession forgetful = new BrowserSession();
            forgetful.submit("/reset", "/reset", Map.of("email", email)).then().statusCode(303);
            String reset = link(awaitMail(email, 2), tokens);
            forgetful.submit(reset, reset, Map.of("newPassword", "another good passphrase")).then().statusCode(200);
            forgetful.get(reset).then().statusCode(400); // used once

            // a new email address
            browser.submit("/login", "/login", Map.of("login", username, "password", "another good passphrase"))
                    .then().statusCode(303);
            String newEmail = "new-" + email;
            browser.submit("/settings", "/settings/email", Map.of("currentPassword", "another good passphrase", "newEmail", newEmail))
                    .then().statusCode(303);
            String change = link(fixtures.awaitMail(newEmail, Duration.ofSeconds(10)), tokens);
            browser.submit(change, change, Map.of()).then().statusCode(303);
            Thread.sleep(200); // the access log writes its line as the response ends
            lines = log.entries().stream().filter(e -> !"quarkus-mailer".equals(e.logger()))
                    .map(e -> e.logger() + " " + e.message() + (e.thrown() == null ? "" : " " + e.thrown())).toList();
        }
        assertThat(tokens).hasSize(3);
        assertThat(lines).as("the access log is on and saw the token links")
                .anySatisfy(line -> assertThat(line).startsWith("io.quarkus.http.access-log").contains("\"POST /confirm/[redacted] HTTP/"))
                .anySatisfy(line -> assertThat(line).contains("\"POST /reset/[redacted] HTTP/"))
                .anySatisfy(line -> assertThat(line).contains("\"POST /settings/email/[redacted] HTTP/"));
        for (String token : tokens) {
            // the signature alone would be enough to forge nothing, but neither half belongs in a log
            for (String part : token.split("\\.")) {
                assertThat(lines).as("log lines holding a mailed token").noneSatisfy(line -> assertThat(line).contains(part));
            }
        }
    }

    private Mail awaitMail(String to, int count) {
        return org.awaitility.Awaitility.await("mail " + count + " to " + to).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> mailbox.getMailsSentTo(to), mails -> mails != null && mails.size() >= count).get(count - 1);
    }

    private static String link(Mail mail, List<String> tokens) {
        Matcher matcher = LINK.matcher(mail.getText());
        if (!matcher.find()) {
            throw new AssertionError("no link in:\n" + mail.getText());
        }
        tokens.add(matcher.group(2));
        return matcher.group(1);
    }
}
