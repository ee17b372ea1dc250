package dev.atrium.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.SmtpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Account mail over real SMTP while the server is down: nothing is lost and nothing goes twice; what cannot be
 * delivered is given up after the last attempt and shows, to the user and to administrators.
 */
@QuarkusTest
@TestProfile(RealSmtp.class)
class SmtpOutageTest {

    private static final int MAX_ATTEMPTS = 6;

    @Inject
    AccountFixtures fixtures;
    @Inject
    MeterRegistry registry;

    private final SmtpServer smtp = RealSmtp.Server.smtp();

    @AfterEach
    void serverUp() {
        smtp.refuseAll(false);
    }

    @Test
    void mailRefusedForAWhileArrivesOnceEachWhenTheServerAcceptsAgain() throws Exception {
        double retriesBefore = deliveries("retry");
        int refusalsBefore = smtp.refusals();
        smtp.refuseAll(true);
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String username = AccountFixtures.unique("outage");
            addresses.add(username + "@example.org");
            BrowserSession browser = new BrowserSession();
            fixtures.register(browser, username, username + "@example.org");
            browser.get("/register/sent").then().statusCode(200).body(containsString("is on its way"));
        }
        String first = addresses.get(0);
        BrowserSession owner = new BrowserSession();
        owner.submit("/login", "/login", Map.of("login", first, "password", AccountFixtures.PASSWORD)).then().statusCode(303);
        // a password reset for the same account, while the server is still down
        new BrowserSession().submit("/reset", "/reset", Map.of("email", first)).then().statusCode(303);

        // a second attempt is only claimed after the first was refused
        await("every mail refused and tried again", () -> addresses.stream().allMatch(to -> rowsTo(to).stream().allMatch(m -> m.attempts >= 2)));
        assertThat(smtp.accepted()).as("nothing accepted while refusing").noneMatch(m -> addresses.stream().anyMatch(m.recipients()::contains));
        owner.get("/unconfirmed").then().statusCode(200).body(containsString("A message with the link is on its way to " + first))
                .body(containsString("Send the link again"));

        smtp.refuseAll(false);
        await("every mail accepted", () -> addresses.stream().allMatch(to -> rowsTo(to).stream().allMatch(m -> m.status == MailStatus.SENT)));
        Thread.sleep(1500); // longer than the longest wait between attempts: a second delivery would have happened by now

        for (String to : addresses) {
            List<String> subjects = smtp.acceptedFor(to).stream().map(SmtpServer.Message::subject).toList();
            if (to.equals(first)) {
                assertThat(subjects).as("to %s", to).containsExactlyInAnyOrder("Confirm your Atrium account", "Reset your Atrium password");
            } else {
                assertThat(subjects).as("to %s", to).containsExactly("Confirm your Atrium account");
            }
            assertThat(rowsTo(to)).allSatisfy(mail -> {
                assertThat(mail.status).isEqualTo(MailStatus.SENT);
                assertThat(mail.textBody).as("the signed link is not kept once sent").isNull();
                assertThat(mail.htmlBody).isNull();
                assertThat(mail.attempts).isBetween(2, MAX_ATTEMPTS);
            });
        }
        // delivered in whatever order the senders claimed them: find the confirmation by its subject
        assertThat(smtp.acceptedFor(first).stream().filter(m -> m.subject().equals("Confirm your Atrium account")).findFirst()
                .orElseThrow().content()).contains("/confirm/");
        owner.get("/unconfirmed").then().statusCode(200).body(containsString("Follow the link we sent to " + first));
        assertThat(deliveries("retry") - retriesBefore).as("each of the 6 mails refused at least once").isGreaterThanOrEqualTo(6);
        assertThat(smtp.refusals() - refusalsBefore).isGreaterThanOrEqualTo(6);
    }

    @Test
    void mailRefusedEveryTimeIsGivenUpKeptAsFailedAndShown() throws Exception {
        double failedBefore = deliveries("failed");
        String username = AccountFixtures.unique("bounce");
        String address = username + "@example.org";
        smtp.refuseRecipient(address);
        fixtures.register(new BrowserSession(), username, address);

        await("the mail given up", () -> rowsTo(address).stream().anyMatch(m -> m.status == MailStatus.FAILED));
        OutboxMail mail = rowsTo(address).get(0);
        assertThat(mail.attempts).isEqualTo(MAX_ATTEMPTS);
        assertThat(mail.lastError).contains("550");
        assertThat(mail.textBody).as("the signed link is not kept once given up").isNull();
        assertThat(mail.htmlBody).isNull();
        assertThat(smtp.acceptedFor(address)).isEmpty();
        assertThat(deliveries("failed") - failedBefore).isEqualTo(1);
        assertThat(registry.find("atrium.mail.deliveries").counter().getId().getDescription()).isNotBlank();

        BrowserSession owner = new BrowserSession();
        owner.submit("/login", "/login", Map.of("login", username, "password", AccountFixtures.PASSWORD)).then().statusCode(303);
        owner.get("/unconfirmed").then().statusCode(200)
                .body(containsString("the message with the link could not be delivered to " + address))
                .body(containsString("Send the link again"));

        BrowserSession admin = fixtures.signedIn(Role.ADMINISTRATOR, true);
        String page = admin.get("/admin/system").then().statusCode(200).extract().asString();
        assertThat(page).contains("Account mail").containsPattern("\\d+ waiting to be sent, [1-9]\\d* given up")
                .contains(address).contains("550");
    }

    private double deliveries(String outcome) {
        Counter counter = registry.find("atrium.mail.deliveries").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<OutboxMail> rowsTo(String recipient) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail> list("recipient", recipient));
    }

    private static void await(String what, BooleanSupplier condition) {
        org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }
}
