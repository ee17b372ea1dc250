package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.web.Language;
import dev.atrium.testing.BrowserSession;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Moving an account to a new address: the link works for hours, once, in the session of the account that
 * asked for it, and only while its address, password and latest request are what they were; the old address
 * is told. Asking for an address another account holds is answered as for a free one, and its holder is told.
 */
@QuarkusTest
class EmailChangeTest {

    private static final Pattern CHANGE_LINK = Pattern.compile("http://localhost:8080(/settings/email/[A-Za-z0-9_.-]+)");

    @Inject
    AccountFixtures fixtures;
    @Inject
    AccountDirectory accounts;
    @Inject
    EmailChange emailChanges;
    @Inject
    MockMailbox mailbox;

    @Test
    void theLinkWorksOnceAndTheOldAddressIsTold() {
        BrowserSession browser = new BrowserSession();
        String username = fixtures.signIn(browser, Role.USER, true);
        String oldEmail = username + "@example.org";
        String newEmail = "n" + AccountFixtures.unique("ew") + "@example.net";

        String link = requestChange(browser, newEmail);
        browser.get(link).then().statusCode(200).body(containsString(newEmail));
        browser.submit(link, link, Map.of()).then().statusCode(303).header("Location", endsWith("/settings?done=email"));
        assertThat(emailOf(username)).isEqualTo(newEmail);

        Mail notice = awaitMail(oldEmail, "Your Atrium address was changed");
        assertThat(notice.getText()).contains("n***@e***.net", "If you did not make this change").doesNotContain(newEmail);
        assertThat(notice.getHtml()).contains("n***@e***.net").doesNotContain(newEmail);
        assertThat(mailbox.getMailsSentTo(newEmail)).as("the new address gets only its link").hasSize(1);

        browser.submit("/settings", link, Map.of()).then().statusCode(400).body(containsString("has been used"));
    }

    @Test
    void theOldAddressIsToldInTheUsersLanguage() {
        BrowserSession browser = new BrowserSession("zh-CN");
        String username = fixtures.signIn(browser, Role.USER, true);
        String newEmail = "m" + AccountFixtures.unique("ew") + "@example.net";

        String link = requestChange(browser, newEmail);
        browser.submit(link, link, Map.of()).then().statusCode(303);

        Mail notice = awaitMail(username + "@example.org", "你的 Atrium 邮箱地址已更改");
        assertThat(notice.getText()).contains("m***@e***.net", "如果这不是你本人操作");
    }

    @Test
    void anExpiredLinkIsRefused() {
        BrowserSession browser = new BrowserSession();
        String username = fixtures.signIn(browser, Role.USER, true);
        String newEmail = AccountFixtures.unique("late") + "@example.net";
        requestChange(browser, newEmail);
        User user = accounts.account(username).orElseThrow();

        String young = "/settings/email/" + emailChanges.token(user, newEmail, Instant.now().minus(Duration.ofMinutes(100)));
        String expired = "/settings/email/" + emailChanges.token(user, newEmail, Instant.now().minus(Duration.ofMinutes(130)));
        browser.get(expired).then().statusCode(400).body(containsString("has expired"), not(containsString(newEmail)));
        browser.submit("/settings", expired, Map.of()).then().statusCode(400);
        assertThat(emailOf(username)).isNotEqualTo(newEmail);

        browser.get(young).then().statusCode(200).body(containsString(newEmail));
    }

    @Test
    void aPasswordChangeVoidsTheLink() {
        BrowserSession browser = new BrowserSession();
        String username = fixtures.signIn(browser, Role.USER, true);
        String newEmail = AccountFixtures.unique("pw") + "@example.net";
        String link = requestChange(browser, newEmail);

        browser.submit("/settings", "/settings/password",
                Map.of("currentPassword", AccountFixtures.PASSWORD, "newPassword", "a brand new passphrase"))
                .then().statusCode(303);
        browser.get(link).then().statusCode(400);
        browser.submit("/settings", link, Map.of()).then().statusCode(400);
        assertThat(emailOf(username)).isNotEqualTo(newEmail);
    }

    @Test
    void anotherEmailChangeVoidsTheLink() {
        BrowserSession browser = new BrowserSession();
        String username = fixtures.signIn(browser, Role.USER, true);
        String first = AccountFixtures.unique("first") + "@example.net";
        String second = AccountFixtures.unique("second") + "@example.net";

        String firstLink = requestChange(browser, first);
        String secondLink = requestChange(browser, second);
        browser.get(firstLink).then().statusCode(400).body(containsString("replaced by a newer request"));

        browser.submit(secondLink, secondLink, Map.of()).then().statusCode(303);
        browser.submit("/settings", firstLink, Map.of()).then().statusCode(400);
        assertThat(emailOf(username)).isEqualTo(second);
    }

    @Test
    void onlyTheAccountThatAskedMayUseTheLink() {
        BrowserSession owner = new BrowserSession();
        String ownerName = fixtures.signIn(owner, Role.USER, true);
        String newEmail = AccountFixtures.unique("mine") + "@example.net";
        String link = requestChange(owner, newEmail);

        BrowserSession someoneElse = new BrowserSession();
        String otherName = fixtures.signIn(someoneElse, Role.USER, true);
        someoneElse.get(link).then().statusCode(403)
                .body(containsString("This link is for another account"), not(containsString(newEmail)));
        someoneElse.submit("/settings", link, Map.of()).then().statusCode(403)
                .body(containsString("This link is for another account"));
        assertThat(emailOf(ownerName)).isEqualTo(ownerName + "@example.org");
        assertThat(emailOf(otherName)).isEqualTo(otherName + "@example.org");

        new BrowserSession().get(link).then().statusCode(302).header("Location", startsWith("/login"));

        owner.submit(link, link, Map.of()).then().statusCode(303);
        assertThat(emailOf(ownerName)).isEqualTo(newEmail);
    }

    @Test
    void aTakenAddressIsAnsweredAsAFreeOneAndItsHolderIsTold() {
        String holder = AccountFixtures.unique("holder");
        String taken = holder + "@example.org";
        fixtures.register(new BrowserSession(), holder, taken);

        BrowserSession browser = new BrowserSession();
        fixtures.signIn(browser, Role.USER, true);
        String free = AccountFixtures.unique("free") + "@example.net";
        Response freeAnswer = submitChange(browser, free);
        String freeLink = linkIn(awaitMail(free, "Confirm your new Atrium address"));
        Response takenAnswer = submitChange(browser, taken);

        assertThat(takenAnswer.statusCode()).isEqualTo(freeAnswer.statusCode()).isEqualTo(303);
        assertThat(takenAnswer.header("Location")).isEqualTo(freeAnswer.header("Location")).endsWith("/settings?done=email-sent");
        assertThat(takenAnswer.asString()).isEqualTo(freeAnswer.asString());
        browser.get(takenAnswer.header("Location")).then().statusCode(200).body(containsString("A message to the new address is on its way"));
        // a request for a taken address voids earlier links, as one for a free address does, so they tell nothing
        browser.get(freeLink).then().statusCode(400);

        Mail notice = awaitMail(taken, "Someone tried to use your Atrium address");
        assertThat(notice.getText()).contains(holder).doesNotContain("/settings/email/");
        assertThat(mailbox.getMailsSentTo(taken)).as("no change link ever goes to the holder")
                .noneSatisfy(mail -> assertThat(mail.getText()).contains("/settings/email/"));
    }

    @Test
    void twoAccountsConfirmingOneAddressEndCleanly() {
        String contested = AccountFixtures.unique("contested") + "@example.net";
        BrowserSession first = new BrowserSession();
        String firstName = fixtures.signIn(first, Role.USER, true);
        BrowserSession second = new BrowserSession();
        String secondName = fixtures.signIn(second, Role.USER, true);

        String firstLink = requestChange(first, contested);
        String secondLink = requestChange(second, contested);
        assertThat(secondLink).isNotEqualTo(firstLink);

        first.submit(firstLink, firstLink, Map.of()).then().statusCode(303);
        second.submit(secondLink, secondLink, Map.of()).then().statusCode(409).body(containsString("That address is taken"));
        assertThat(emailOf(firstName)).isEqualTo(contested);
        assertThat(emailOf(secondName)).isEqualTo(secondName + "@example.org");
    }

    @Test
    void concurrentConfirmationsOfOneAddressMoveOneAccount() throws Exception {
        String contested = AccountFixtures.unique("raced") + "@example.net";
        int racers = 6;
        List<Long> ids = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String username = fixtures.register(new BrowserSession(), AccountFixtures.unique("racer"),
                    AccountFixtures.unique("racer") + "@example.org");
            ids.add(fixtures.idOf(username));
            tokens.add(emailChanges.request(username, AccountFixtures.PASSWORD, contested, Language.EN, () -> { }).orElseThrow().token().orElseThrow());
        }

        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return emailChanges.change(tokens.get(n), ids.get(n), Language.EN);
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            assertThat(outcomes).filteredOn(o -> o instanceof Optional<?> changed && changed.isPresent()).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !(o instanceof Optional<?>))
                    .allSatisfy(o -> assertThat(o).isInstanceOf(AlreadyTakenException.class));
        } finally {
            pool.shutdownNow();
        }
    }

    private Response submitChange(BrowserSession browser, String newEmail) {
        return browser.submit("/settings", "/settings/email", Map.of("currentPassword", AccountFixtures.PASSWORD, "newEmail", newEmail));
    }

    /** Asks for the change and returns the path of the link mailed for it. */
    private String requestChange(BrowserSession browser, String newEmail) {
        int before = mailsTo(newEmail).size();
        submitChange(browser, newEmail).then().statusCode(303).header("Location", endsWith("/settings?done=email-sent"));
        return linkIn(org.awaitility.Awaitility.await("a link mailed to " + newEmail).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50)).until(() -> mailsTo(newEmail), mails -> mails.size() > before).get(before));
    }

    private Mail awaitMail(String to, String subject) {
        return org.awaitility.Awaitility.await("a mail \"" + subject + "\" to " + to).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> mailsTo(to).stream().filter(m -> subject.equals(m.getSubject())).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private List<Mail> mailsTo(String to) {
        List<Mail> mails = mailbox.getMailsSentTo(to);
        return mails == null ? List.of() : List.copyOf(mails);
    }

    private String emailOf(String username) {
        return accounts.account(username).orElseThrow().email;
    }

    private static String linkIn(Mail mail) {
        Matcher matcher = CHANGE_LINK.matcher(mail.getText());
        assertThat(matcher.find()).as("a change link in:%n%s", mail.getText()).isTrue();
        return matcher.group(1);
    }

}
