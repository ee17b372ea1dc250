package dev.atrium.social;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.mail.RealSmtp;
import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.JourneySite;
import dev.atrium.testing.PostFixtures;
import dev.atrium.testing.SmtpServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Following and profiles in the packaged application on PostgreSQL (and natively under {@code -Dnative}):
 * two people register by mail, one fills in a profile and writes, the other follows and finds the post on
 * the index's following tab, and the API and the avatar say the same.
 */
@QuarkusIntegrationTest
@WithTestResource(value = RealSmtp.Server.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = JourneySite.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class FollowJourneyIT {


    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/confirm/[A-Za-z0-9._~-]+)");

    @Test
    void aReaderFollowsAWriterAndReadsTheirPostsOnTheFollowingTab() {
        BrowserSession reader = new BrowserSession();
        String readerName = registered(reader);
        BrowserSession writer = new BrowserSession();
        String writerName = registered(writer);

        writer.submit("/settings/profile", "/settings/profile", Map.of("realName", "Grace Hopper", "location", "Arlington",
                "aboutMe", "*Compilers* <script>alert(1)</script>")).then().statusCode(303);
        String title = "Followed " + AccountFixtures.unique("t");
        PostFixtures.publish(writer, title);

        reader.submit("/users/" + writerName, "/users/" + writerName + "/follow", Map.of()).then().statusCode(303);
        reader.submit("/users/" + readerName, "/users/" + readerName + "/follow", Map.of()).then().statusCode(400);
        reader.get("/users/" + writerName).then().statusCode(200)
                .body(containsString("Grace Hopper"), containsString("<em>Compilers</em>"), not(containsString("<script>alert")),
                        containsString("/unfollow\""));
        reader.get("/?feed=following").then().statusCode(200).body(containsString(title));
        reader.get("/users/" + writerName + "/followers").then().statusCode(200).body(containsString("/users/" + readerName));
        reader.get("/settings/profile").then().statusCode(200);

        given().accept("application/json").get("/api/v1/users/" + writerName).then().statusCode(200)
                .body("realName", equalTo("Grace Hopper"), "followers", equalTo(1));
        given().accept("application/json").get("/api/v1/users/" + writerName + "/followers").then().statusCode(200)
                .body("items.username", hasItem(readerName));
        given().get("/users/" + writerName + "/avatar.svg").then().statusCode(200).contentType(startsWith("image/svg+xml"));
        given().accept("application/json").get("/api/v1/users/nobody-" + writerName + "/following").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    private static String registered(BrowserSession browser) {
        String username = AccountFixtures.unique("itf");
        String email = username + "@example.org";
        browser.submit("/register", "/register", Map.of("email", email, "username", username, "password", AccountFixtures.PASSWORD))
                .then().statusCode(303);
        SmtpServer.Message mail = await().atMost(Duration.ofSeconds(20)).until(
                () -> RealSmtp.Server.smtp().acceptedFor(email).stream().filter(m -> m.subject().equals("Confirm your Atrium account")).toList(),
                (List<SmtpServer.Message> mails) -> !mails.isEmpty()).get(0);
        Matcher matcher = LINK.matcher(mail.content().replace("=\r\n", ""));
        assertThat(matcher.find()).as("a link in:\n" + mail.content()).isTrue();
        String confirm = matcher.group(1);
        browser.submit("/login", "/login", Map.of("login", username, "password", AccountFixtures.PASSWORD)).then().statusCode(303);
        browser.submit(confirm, confirm, Map.of()).then().statusCode(200);
        return username;
    }
}
