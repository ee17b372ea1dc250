package dev.atrium.comments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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
 * Comments in the packaged application on PostgreSQL (and the native executable, under {@code -Dnative}):
 * an administrator, who may also moderate, comments; anonymous readers get it on the held page and the
 * index; hidden, its text leaves the page and the API for them; the post's deletion takes its comments.
 */
@QuarkusIntegrationTest
@WithTestResource(value = RealSmtp.Server.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = JourneySite.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class CommentsIT {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/confirm/[A-Za-z0-9._~-]+)");


    @Test
    void aCommentIsReadHiddenAndGoesWithItsPost() {
        BrowserSession moderator = new BrowserSession();
        String username = AccountFixtures.unique("itm");
        moderator.submit("/register", "/register", Map.of("email", JourneySite.admin(), "username", username, "password", AccountFixtures.PASSWORD))
                .then().statusCode(303);
        String confirm = confirmLink(JourneySite.admin());
        moderator.submit("/login", "/login", Map.of("login", username, "password", AccountFixtures.PASSWORD)).then().statusCode(303);
        moderator.submit(confirm, confirm, Map.of()).then().statusCode(200);

        String post = PostFixtures.publish(moderator, "Discussed", "Talk about it.");
        long postId = Long.parseLong(post.substring("/posts/".length()));
        BrowserSession anonymous = new BrowserSession("zh-CN");
        anonymous.get(post).then().statusCode(200).body(containsString("还没有评论。"));

        moderator.submit(post, post + "/comments", Map.of("body", "")).then().statusCode(400)
                .body(containsString("Write a comment of 1 to 2,000 characters."));
        moderator.submit(post, post + "/comments", Map.of("body", "A *first* comment.")).then().statusCode(303);
        anonymous.get(post).then().statusCode(200).body(containsString("<em>first</em>"), containsString("1 条评论"));
        anonymous.get("/").then().statusCode(200).body(containsString("1 条评论"));
        long id = given().accept("application/json").get("/api/v1/posts/" + postId + "/comments").then().statusCode(200)
                .body("total", equalTo(1)).extract().jsonPath().getLong("items[0].id");

        moderator.get("/moderate").then().statusCode(200).body(containsString("A <em>first</em> comment."));
        moderator.submit("/moderate", "/moderate/comments/" + id + "/hide", Map.of("next", "/moderate")).then().statusCode(303);
        anonymous.get(post).then().statusCode(200).body(containsString("此评论已被版主隐藏"), not(containsString("<em>first</em>")));
        given().accept("application/json").get("/api/v1/comments/" + id).then().statusCode(200)
                .body("hidden", equalTo(true), "body", nullValue());
        moderator.get(post).then().statusCode(200).body(containsString("<em>first</em>"));
        moderator.get("/admin/audit").then().statusCode(200).body(containsString("comment.hide"));

        moderator.submit(post + "/delete", post + "/delete", Map.of()).then().statusCode(303);
        given().accept("application/json").get("/api/v1/comments/" + id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static String confirmLink(String address) {
        SmtpServer.Message mail = await().atMost(Duration.ofSeconds(20)).until(
                () -> RealSmtp.Server.smtp().acceptedFor(address).stream().filter(m -> m.subject().equals("Confirm your Atrium account")).toList(),
                (List<SmtpServer.Message> mails) -> !mails.isEmpty()).get(0);
        Matcher matcher = LINK.matcher(mail.content().replace("=\r\n", ""));
        assertThat(matcher.find()).as("a link in:\n" + mail.content()).isTrue();
        return matcher.group(1);
    }
}
