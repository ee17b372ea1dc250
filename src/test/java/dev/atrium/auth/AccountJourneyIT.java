package dev.atrium.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.atrium.mail.RealSmtp;
import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.JourneySite;
import dev.atrium.testing.PostFixtures;
import dev.atrium.testing.SitePages;
import dev.atrium.testing.SmtpServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * A reader's and an administrator's way through the packaged application (and the native executable, under
 * {@code -Dnative}), with account mail over real SMTP to a server of the test's: register, confirm by the
 * mailed link, write a post in Markdown that the sanitiser cleans, read it through the JSON API, find the API
 * in the OpenAPI document, reset the password by mail, and see the visit in the analytics that the scheduled
 * writer stored.
 */
@QuarkusIntegrationTest
@WithTestResource(value = RealSmtp.Server.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = JourneySite.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AccountJourneyIT {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/(?:confirm|reset)/[A-Za-z0-9._~-]+)");


    @Test
    void aWriterRegistersByMailWritesAndIsReadThroughTheApi() {
        String username = AccountFixtures.unique("itw");
        String email = username + "@example.org";
        BrowserSession writer = registeredAndConfirmedByMail(username, email);

        String post = PostFixtures.publish(writer, "Native *Markdown*", "**bold** [x](javascript:alert(1)) <script>alert(2)</script>");
        given().accept("text/html").get(post).then().statusCode(200)
                .body(containsString("<strong>bold</strong>"), not(containsString("<script>alert(2)")),
                        not(containsString("javascript:alert")));
        String id = post.substring("/posts/".length());
        given().accept("application/json").get("/api/v1/posts/" + id).then().statusCode(200)
                .body("author", equalTo(username), "html", containsString("<strong>bold</strong>"),
                        "html", not(containsString("<script")), "html", not(containsString("javascript:")));
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/posts/{id}"));

        BrowserSession forgetful = new BrowserSession();
        forgetful.submit("/reset", "/reset", Map.of("email", email)).then().statusCode(303);
        String reset = linkIn(mailTo(email, "Reset your Atrium password"));
        forgetful.submit(reset, reset, Map.of("newPassword", "a new passphrase to remember")).then().statusCode(200);
        forgetful.submit("/login", "/login", Map.of("login", username, "password", AccountFixtures.PASSWORD)).then().statusCode(400);
        forgetful.submit("/login", "/login", Map.of("login", username, "password", "a new passphrase to remember"))
                .then().statusCode(303);
    }

    @Test
    void anAdministratorSeesAVisitInTheAnalytics() {
        String admin = AccountFixtures.unique("ita");
        BrowserSession writer = registeredAndConfirmedByMail(admin, JourneySite.admin());
        String post = PostFixtures.publish(writer, "Visited", "Read me.");

        given().accept("text/html").header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
                .get(post).then().statusCode(200);
        // the scheduled writer stores views in batches (atrium.analytics.flush-interval)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> writer.get("/admin/analytics").then().statusCode(200)
                .body(containsString(post)));

        // every page renders (natively too: a template reading a type without build-time resolvers fails there)
        PostFixtures.discuss(writer, post);
        long id = Long.parseLong(post.substring("/posts/".length()));
        for (String page : SitePages.signedIn(id, admin)) {
            writer.get(page).then().statusCode(page.equals("/no-such-page") ? 404 : page.contains("not-a-token") ? 400 : 200);
        }
        BrowserSession visitor = new BrowserSession("zh-CN");
        for (String page : SitePages.signedOut(id, admin)) {
            visitor.get(page).then().statusCode(page.equals("/no-such-page") ? 404 : page.contains("not-a-token") ? 400 : 200);
        }
    }

    /** A browser that registered, signed in and followed the confirmation link of the mail it was sent. */
    private static BrowserSession registeredAndConfirmedByMail(String username, String email) {
        BrowserSession browser = new BrowserSession();
        browser.submit("/register", "/register", Map.of("email", email, "username", username, "password", AccountFixtures.PASSWORD))
                .then().statusCode(303);
        String confirm = linkIn(mailTo(email, "Confirm your Atrium account"));
        browser.submit("/login", "/login", Map.of("login", username, "password", AccountFixtures.PASSWORD)).then().statusCode(303);
        browser.submit(confirm, confirm, Map.of()).then().statusCode(200);
        return browser;
    }

    private static SmtpServer.Message mailTo(String address, String subject) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> RealSmtp.Server.smtp().acceptedFor(address).stream().filter(m -> m.subject().equals(subject)).toList(),
                (List<SmtpServer.Message> mails) -> !mails.isEmpty()).get(0);
    }

    /** The link's path, the message's quoted-printable soft line breaks undone. */
    private static String linkIn(SmtpServer.Message mail) {
        Matcher matcher = LINK.matcher(mail.content().replace("=\r\n", ""));
        assertThat(matcher.find()).as("a link in:\n" + mail.content()).isTrue();
        return matcher.group(1);
    }
}
