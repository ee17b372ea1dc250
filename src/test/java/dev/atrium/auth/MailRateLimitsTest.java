package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.ClientAddresses;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Everything that sends an account email, and every current-password check in settings, is limited:
 * 3 mails per recipient (or signed-in account) and 6 per client address an hour, password checks like
 * logins (see {@link LowLimits}). Client addresses come through the proxy header.
 */
@QuarkusTest
@TestProfile(LowLimits.class)
class MailRateLimitsTest {

    @Inject
    AccountFixtures fixtures;
    @Inject
    MockMailbox mailbox;

    private String newAccount(String name) {
        String username = AccountFixtures.unique(name);
        fixtures.register(BrowserSession.at(ClientAddresses.unused(), "en"), username, username + "@example.org");
        fixtures.awaitMail(username + "@example.org", java.time.Duration.ofSeconds(5));
        return username;
    }

    /** The statuses of {@code times} requests, each 429 checked for its Retry-After. */
    private static List<Integer> statuses(int times, IntFunction<Response> request) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            Response response = request.apply(i);
            if (response.statusCode() == 429) {
                response.then().header("Retry-After", Integer::parseInt, greaterThan(0))
                        .body(containsString("Too many emails have been asked for"));
            }
            statuses.add(response.statusCode());
        }
        return statuses;
    }

    private static List<Integer> answers(int allowed, int allowedStatus, int total) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            expected.add(i < allowed ? allowedStatus : 429);
        }
        return expected;
    }

    /** The mails sent to {@code to}, once the asynchronous sending has had time to finish. */
    private int mailsTo(String to) throws InterruptedException {
        Thread.sleep(500);
        List<?> mails = mailbox.getMailsSentTo(to);
        return mails == null ? 0 : mails.size();
    }

    private static Response reset(BrowserSession browser, String email) {
        return browser.submit("/reset", "/reset", Map.of("email", email));
    }

    @Test
    void twentyFiveResetsForOneAddressSendNoMoreMailsThanTheLimit() throws Exception {
        String username = newAccount("rita");
        String email = username + "@example.org";
        BrowserSession browser = BrowserSession.at(ClientAddresses.unused(), "en");
        // the confirmation mail at registration was the first of the address's 3
        assertThat(statuses(25, i -> reset(browser, email))).isEqualTo(answers(2, 303, 25));
        assertThat(mailsTo(email)).isEqualTo(3);
    }

    @Test
    void anAddressWithoutAnAccountIsRefusedAlike() throws Exception {
        String email = AccountFixtures.unique("nobody") + "@example.org";
        BrowserSession browser = BrowserSession.at(ClientAddresses.unused(), "en");
        assertThat(statuses(25, i -> reset(browser, email))).isEqualTo(answers(3, 303, 25));
        assertThat(mailsTo(email)).isZero();
    }

    @Test
    void oneClientCannotSpreadMailsOverManyRecipients() {
        BrowserSession browser = BrowserSession.at(ClientAddresses.unused(), "en");
        assertThat(statuses(8, i -> reset(browser, AccountFixtures.unique("any" + i) + "@example.org")))
                .isEqualTo(answers(6, 303, 8));
        reset(BrowserSession.at(ClientAddresses.unused(), "en"), AccountFixtures.unique("other") + "@example.org").then().statusCode(303);
    }

    @Test
    void registeringOneAddressAgainAndAgainSendsNoMoreMailsThanTheLimit() throws Exception {
        String email = AccountFixtures.unique("reg") + "@example.org";
        BrowserSession browser = BrowserSession.at(ClientAddresses.unused(), "en");
        // the first registers, the next two send "you already have an account", the rest are refused
        assertThat(statuses(25, i -> browser.submit("/register", "/register",
                Map.of("email", email, "username", AccountFixtures.unique("reg"), "password", AccountFixtures.PASSWORD))))
                .isEqualTo(answers(3, 303, 25));
        assertThat(mailsTo(email)).isEqualTo(3);
    }

    @Test
    void resendingTheConfirmationIsLimited() throws Exception {
        BrowserSession browser = BrowserSession.at(ClientAddresses.unused(), "en");
        String username = fixtures.signIn(browser, Role.USER, false);
        fixtures.awaitMail(username + "@example.org", java.time.Duration.ofSeconds(5));
        assertThat(statuses(25, i -> browser.submit("/unconfirmed", "/confirm/resend", Map.of()))).isEqualTo(answers(2, 303, 25));
        assertThat(mailsTo(username + "@example.org")).isEqualTo(3);
    }

    @Test
    void changingTheEmailAgainAndAgainIsLimited() throws Exception {
        BrowserSession browser = BrowserSession.at(ClientAddresses.unused(), "en");
        fixtures.signIn(browser, Role.USER, true);
        String newEmail = AccountFixtures.unique("moved") + "@example.net";
        assertThat(statuses(25, i -> browser.submit("/settings", "/settings/email",
                Map.of("currentPassword", AccountFixtures.PASSWORD, "newEmail", newEmail)))).isEqualTo(answers(3, 303, 25));
        assertThat(mailsTo(newEmail)).isEqualTo(3);
        // a refused request changed nothing: the link of the last one allowed still works (each voids the ones before)
        java.util.regex.Pattern linkPattern = java.util.regex.Pattern.compile("http://localhost:8080(/settings/email/[A-Za-z0-9_.-]+)");
        List<Integer> opened = new ArrayList<>();
        for (io.quarkus.mailer.Mail mail : mailbox.getMailsSentTo(newEmail)) {
            java.util.regex.Matcher link = linkPattern.matcher(mail.getText());
            assertThat(link.find()).isTrue();
            opened.add(browser.get(link.group(1)).statusCode());
        }
        assertThat(opened).containsExactlyInAnyOrder(200, 400, 400);
    }

    @Test
    void currentPasswordChecksInSettingsAreCountedLikeLogins() {
        BrowserSession browser = BrowserSession.at(ClientAddresses.unused(), "en");
        String username = fixtures.signIn(browser, Role.USER, true);
        Map<String, String> token = Map.of("name", "script", "scope", "read", "expiry", "30");
        for (int i = 0; i < 2; i++) {
            Map<String, String> wrong = new java.util.HashMap<>(token);
            wrong.put("currentPassword", "wrong password " + i);
            browser.submit("/settings", "/settings/tokens", wrong).then().statusCode(400)
                    .body(containsString("The current password is not right."));
        }
        browser.submit("/settings", "/settings/password", Map.of("currentPassword", "wrong again", "newPassword", "a brand new passphrase"))
                .then().statusCode(400);
        // 3 wrong of 3 for this account from this address: even the right password is not checked now
        Map<String, String> right = new java.util.HashMap<>(token);
        right.put("currentPassword", AccountFixtures.PASSWORD);
        browser.submit("/settings", "/settings/tokens", right).then().statusCode(429)
                .header("Retry-After", Integer::parseInt, greaterThan(0)).body(containsString("Too many password attempts"));
        browser.submit("/settings", "/settings/password",
                Map.of("currentPassword", AccountFixtures.PASSWORD, "newPassword", "a brand new passphrase")).then().statusCode(429);
        browser.submit("/settings", "/settings/email",
                Map.of("currentPassword", AccountFixtures.PASSWORD, "newEmail", AccountFixtures.unique("x") + "@example.net"))
                .then().statusCode(429);
        // and the login form counts the same guesses
        BrowserSession same = BrowserSession.at(addressOf(browser), "en");
        same.submit("/login", "/login", Map.of("login", username, "password", AccountFixtures.PASSWORD)).then().statusCode(429);
    }

    @Test
    void aRightCurrentPasswordDoesNotUseUpTheLimit() {
        BrowserSession browser = BrowserSession.at(ClientAddresses.unused(), "en");
        fixtures.signIn(browser, Role.USER, true);
        for (int i = 0; i < 4; i++) { // one more than the limit of 3
            browser.submit("/settings", "/settings/tokens",
                    Map.of("name", "script " + i, "scope", "read", "expiry", "30", "currentPassword", AccountFixtures.PASSWORD))
                    .then().statusCode(200);
        }
    }

    @Test
    void theRefusalPageSpeaksChinese() {
        String email = AccountFixtures.unique("zh") + "@example.org";
        BrowserSession browser = BrowserSession.at(ClientAddresses.unused(), "zh-CN");
        for (int i = 0; i < 3; i++) {
            reset(browser, email).then().statusCode(303);
        }
        reset(browser, email).then().statusCode(429).header("Retry-After", Integer::parseInt, greaterThan(0))
                .body(containsString("<html lang=\"zh-CN\">"), containsString("请求过多"), containsString("请求发送的邮件过多"));
    }

    private static String addressOf(BrowserSession browser) {
        return browser.clientAddress();
    }
}
