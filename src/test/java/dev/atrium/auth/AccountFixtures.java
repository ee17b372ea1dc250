package dev.atrium.auth;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.atrium.testing.BrowserSession;
import dev.atrium.web.Language;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;

/** Accounts for tests, made through the real registration page and confirmed through the real mail. */
@ApplicationScoped
public class AccountFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Pattern CONFIRM_LINK = Pattern.compile("http://localhost:8080(/confirm/[A-Za-z0-9_.-]+)");
    private static final Pattern RESET_LINK = Pattern.compile("http://localhost:8080(/reset/[A-Za-z0-9_.-]+)");
    public static final String PASSWORD = "correct horse battery";

    @Inject
    MockMailbox mailbox;
    @Inject
    PasswordReset resets;
    @Inject
    Registration registration;

    public static String unique(String prefix) {
        return prefix + System.nanoTime() % 1_000_000 + "x" + SEQUENCE.incrementAndGet();
    }

    /** Registers through the form; returns the username. */
    public String register(BrowserSession browser, String username, String email) {
        browser.submit("/register", "/register", Map.of("email", email, "username", username, "password", PASSWORD))
                .then().statusCode(303);
        return username;
    }

    public String confirmationPath(String email) {
        Mail mail = awaitMail(email, Duration.ofSeconds(10));
        Matcher matcher = CONFIRM_LINK.matcher(mail.getText());
        if (!matcher.find()) {
            throw new AssertionError("no confirmation link in:\n" + mail.getText());
        }
        return matcher.group(1);
    }

    /** Registers through the service, without the form and its limits; in the caller's transaction, if there is one. */
    public void registerDirectly(String email, String username) {
        registration.register(email, username, PASSWORD, Language.EN);
    }

    /** Asks for a reset link for this address, as the form does, and answers the link's path from the mail. */
    public String resetPath(String email) {
        resets.request(email, Language.EN);
        Mail mail = awaitMail(email, "Reset your Atrium password", Duration.ofSeconds(10));
        Matcher matcher = RESET_LINK.matcher(mail.getText());
        if (!matcher.find()) {
            throw new AssertionError("no reset link in:\n" + mail.getText());
        }
        return matcher.group(1);
    }

    public Mail awaitMail(String to, Duration within) {
        return awaitMailIn(mailbox, to, within);
    }

    /**
     * The latest mail to {@code to} with this subject, once there is one. Mail goes out after its transaction
     * commits, not before the response: waiting for the latest mail of any subject may find an earlier one.
     */
    public Mail awaitMail(String to, String subject, Duration within) {
        return await("a mail \"" + subject + "\" to " + to).atMost(within).pollInterval(Duration.ofMillis(50))
                .until(() -> latest(mailbox, to, mail -> subject.equals(mail.getSubject())), Optional::isPresent).orElseThrow();
    }

    /** The latest mail to {@code to} in the mock mailbox, once one is there. */
    public static Mail awaitMailIn(MockMailbox mailbox, String to, Duration within) {
        return await("a mail to " + to).atMost(within).pollInterval(Duration.ofMillis(50))
                .until(() -> latest(mailbox, to, mail -> true), Optional::isPresent).orElseThrow();
    }

    private static Optional<Mail> latest(MockMailbox mailbox, String to, Predicate<Mail> which) {
        List<Mail> mails = mailbox.getMailsSentTo(to);
        return mails == null ? Optional.empty() : mails.stream().filter(which).reduce((first, second) -> second);
    }

    /** An account with the given role, logged in on a fresh browser. */
    public BrowserSession signedIn(Role role, boolean confirmed) {
        BrowserSession browser = new BrowserSession();
        signIn(browser, role, confirmed);
        return browser;
    }

    /** Registers an account with the given role, logs it in on {@code browser}; returns its username. */
    public String signIn(BrowserSession browser, Role role, boolean confirmed) {
        String username = unique("u");
        register(browser, username, username + "@example.org");
        promote(username, role, confirmed);
        browser.submit("/login", "/login", Map.of("login", username, "password", PASSWORD)).then().statusCode(303);
        return username;
    }

    @Transactional
    public long idOf(String username) {
        return User.findByUsername(username).orElseThrow().id;
    }

    /** The stored hash, as the database holds it. */
    @Transactional
    public String passwordHashOf(String username) {
        return User.findByUsername(username).orElseThrow().passwordHash;
    }

    /** Stores a hash as older versions of Atrium wrote it, for tests of accounts made before a change. */
    @Transactional
    public void storePasswordHash(String username, String hash) {
        User.findByUsername(username).orElseThrow().passwordHash = hash;
    }

    @Transactional
    void promote(String username, Role role, boolean confirmed) {
        User user = User.findByUsername(username).orElseThrow();
        user.role = role;
        user.confirmed = confirmed;
    }
}
