package dev.atrium.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.admin.AuditEntry;
import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.AccountAdministration;
import dev.atrium.auth.AccountDirectory;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.PostFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class CommentsTest {

    @Inject
    AccountFixtures fixtures;
    @Inject
    CommentService comments;
    @Inject
    AccountAdministration administration;
    @Inject
    AccountDirectory accounts;

    private static Response comment(BrowserSession reader, String post, String body) {
        return reader.submit(post, post + "/comments", Map.of("body", body));
    }

    private static long idOf(String post) {
        return Long.parseLong(post.substring("/posts/".length()));
    }

    @Test
    void aReaderCommentsAndAnonymousReadersSeeItOnTheHeldPageAndTheIndexCount() {
        BrowserSession writer = fixtures.signedIn(Role.USER, true);
        String title = "Commented " + AccountFixtures.unique("t");
        String post = PostFixtures.publish(writer, title);
        BrowserSession anonymous = new BrowserSession();
        // held for anonymous readers from here on
        anonymous.get(post).then().statusCode(200).body(containsString("No comments yet."));
        String etag = anonymous.get(post).then().statusCode(200).body(containsString("No comments yet."), containsString("Log in to comment"))
                .extract().header("ETag");
        anonymous.request().header("If-None-Match", etag).get(post).then().statusCode(304);

        BrowserSession reader = new BrowserSession();
        String name = fixtures.signIn(reader, Role.USER, true);
        Response created = comment(reader, post, "Nice *post*! <script>alert(1)</script>");
        created.then().statusCode(303).header("Location", org.hamcrest.Matchers.matchesPattern(post + "#comment-\\d+"));

        anonymous.get(post).then().statusCode(200)
                .body(containsString("<em>post</em>"), containsString("@" + name), containsString("1 comment"),
                        not(containsString("<script>alert")), not(containsString("No comments yet.")));
        anonymous.get("/").then().statusCode(200).body(containsString("1 comment"));
        // the post is unchanged, its page is not: a copy from before the comment is out of date
        anonymous.request().header("If-None-Match", etag).get(post).then().statusCode(200).body(containsString("<em>post</em>"));
        new BrowserSession("zh-CN").get(post).then().statusCode(200).body(containsString("1 条评论"), containsString("评论"));
    }

    @Test
    void commentsAreAMarkdownSubset() {
        BrowserSession writer = fixtures.signedIn(Role.USER, true);
        String post = PostFixtures.publish(writer, "Subset " + AccountFixtures.unique("t"));
        comment(writer, post, "# Not a heading\n\n> quoted\n\n- one\n\n[link](https://example.org) ![img](https://example.org/x.png) [bad](javascript:alert(1))")
                .then().statusCode(303);
        String page = new BrowserSession().get(post).asString();
        String section = page.substring(page.indexOf("id=\"comments\""));
        assertThat(section).doesNotContain("<h1>Not a heading").contains("# Not a heading").contains("<blockquote>")
                .contains("<li>one</li>").contains("href=\"https://example.org\"").doesNotContain("<img").doesNotContain("javascript:");
    }

    @Test
    void badCommentsComeBackWithTheMessageAndTheText() {
        BrowserSession reader = fixtures.signedIn(Role.USER, true);
        String post = PostFixtures.publish(reader, "Bad input " + AccountFixtures.unique("t"));
        comment(reader, post, "   ").then().statusCode(400)
                .body(containsString("Write a comment of 1 to 2,000 characters."), containsString("aria-invalid=\"true\""));
        String tooLong = "abc".repeat(700);
        comment(reader, post, tooLong).then().statusCode(400)
                .body(containsString("Write a comment of 1 to 2,000 characters."), containsString(tooLong.substring(0, 2000)));
        new BrowserSession("zh-CN").get(post).then().statusCode(200);
        BrowserSession chinese = new BrowserSession("zh-CN");
        fixtures.signIn(chinese, Role.USER, true);
        comment(chinese, post, "").then().statusCode(400).body(containsString("请写 1 到 2000 个字符的评论。"));
        assertThat(comments.forPost(idOf(post), 1, true).orElseThrow().total()).isZero();
        // the longest comment, in Chinese: 18,000 bytes once %-encoded, over Vert.x's default limit of a form field
        String longest = "评".repeat(2000);
        // as a browser sends it: the page's UTF-8 (RestAssured would encode a form in ISO-8859-1)
        chinese.request().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("body", longest)
                .formParam("csrf-token", BrowserSession.csrfToken(chinese.get(post).asString())).post(post + "/comments")
                .then().statusCode(303);
        new BrowserSession().get(post).then().body(containsString(longest));
    }

    @Test
    void refusedWithoutPermissionTokenOrPost() {
        BrowserSession writer = fixtures.signedIn(Role.USER, true);
        String post = PostFixtures.publish(writer, "Refusals " + AccountFixtures.unique("t"));
        // no CSRF token
        writer.postWithoutToken(post + "/comments", Map.of("body", "x")).then().statusCode(403);
        // unconfirmed accounts hold no permission
        BrowserSession unconfirmed = fixtures.signedIn(Role.USER, false);
        String token = BrowserSession.csrfToken(writer.get(post).asString());
        assertThat(unconfirmed.get(post).asString()).doesNotContain("action=\"" + post + "/comments\"");
        unconfirmed.submit("/settings", post + "/comments", Map.of("body", "x")).then().statusCode(303)
                .header("Location", "/unconfirmed"); // asked to confirm first, as for every permission
        // anonymous: sent to log in, nothing written
        new BrowserSession().request().formParam("csrf-token", token).post(post + "/comments").then().statusCode(not(200));
        // a missing post
        writer.submit(post, "/posts/987654321/comments", Map.of("body", "x")).then().statusCode(404)
                .body(containsString("There is no post 987654321."));
        assertThat(comments.forPost(idOf(post), 1, true).orElseThrow().total()).isZero();
    }

    @Test
    void authorsDeleteTheirOwnCommentsOnly() {
        BrowserSession author = fixtures.signedIn(Role.USER, true);
        String post = PostFixtures.publish(author, "Deleting " + AccountFixtures.unique("t"));
        comment(author, post, "Mine.").then().statusCode(303);
        long id = comments.forPost(idOf(post), 1, false).orElseThrow().items().get(0).id();
        new BrowserSession().get(post).then().body(containsString("Mine."));

        BrowserSession other = fixtures.signedIn(Role.MODERATOR, true);
        other.submit(post, "/comments/" + id + "/delete", Map.of()).then().statusCode(403);
        other.submit(post, "/comments/987654321/delete", Map.of()).then().statusCode(404);
        author.submit(post, "/comments/" + id + "/delete", Map.of()).then().statusCode(303);

        new BrowserSession().get(post).then().body(not(containsString("Mine.")), containsString("No comments yet."));
        new BrowserSession().get("/").then().statusCode(200);
        assertThat(comments.forPost(idOf(post), 1, false).orElseThrow().total()).isZero();
    }

    @Test
    void moderatorsHideAndShowAndEachActionIsAudited() {
        BrowserSession author = new BrowserSession();
        String name = fixtures.signIn(author, Role.USER, true);
        String post = PostFixtures.publish(author, "Moderated " + AccountFixtures.unique("t"));
        comment(author, post, "Rude words here.").then().statusCode(303);
        long id = comments.forPost(idOf(post), 1, false).orElseThrow().items().get(0).id();
        BrowserSession anonymous = new BrowserSession();
        anonymous.get(post).then().body(containsString("Rude words here."));

        BrowserSession moderator = new BrowserSession();
        String moderatorName = fixtures.signIn(moderator, Role.MODERATOR, true);
        moderator.get("/").then().body(containsString("href=\"/moderate\""));
        author.get("/").then().body(not(containsString("href=\"/moderate\"")));
        moderator.get("/moderate").then().statusCode(200).body(containsString("Rude words here."), containsString("@" + name));

        moderator.submit("/moderate", "/moderate/comments/" + id + "/hide", Map.of("next", "/moderate")).then().statusCode(303)
                .header("Location", "/moderate");
        anonymous.get(post).then().body(containsString("This comment has been hidden by a moderator"), not(containsString("Rude words here.")));
        author.get(post).then().body(containsString("This comment has been hidden by a moderator"), not(containsString("Rude words here.")));
        new BrowserSession("zh-CN").get(post).then().body(containsString("此评论已被版主隐藏"));
        moderator.get(post).then().body(containsString("Rude words here."), containsString("Hidden by a moderator"));
        assertThat(audited(moderatorName, "comment.hide", "comment " + id)).isTrue();

        moderator.submit(post, "/moderate/comments/" + id + "/show", Map.of("next", post)).then().statusCode(303);
        anonymous.get(post).then().body(containsString("Rude words here."), not(containsString("This comment has been hidden")));
        assertThat(audited(moderatorName, "comment.show", "comment " + id)).isTrue();
    }

    @Test
    void onlyModeratorsModerate() {
        BrowserSession user = fixtures.signedIn(Role.USER, true);
        String post = PostFixtures.publish(user, "Not yours " + AccountFixtures.unique("t"));
        comment(user, post, "Keep me.").then().statusCode(303);
        long id = comments.forPost(idOf(post), 1, false).orElseThrow().items().get(0).id();
        user.get("/moderate").then().statusCode(403);
        user.submit(post, "/moderate/comments/" + id + "/hide", Map.of()).then().statusCode(403);
        assertThat(comments.get(id, true).orElseThrow().hidden()).isFalse();
        BrowserSession moderator = fixtures.signedIn(Role.MODERATOR, true);
        moderator.submit("/moderate", "/moderate/comments/987654321/hide", Map.of()).then().statusCode(404)
                .body(containsString("There is no comment 987654321."));
        moderator.postWithoutToken("/moderate/comments/" + id + "/hide", Map.of()).then().statusCode(403);
        moderator.get("/moderate?page=x").then().statusCode(400);
        assertThat(comments.get(id, true).orElseThrow().hidden()).isFalse();
    }

    @Test
    void commentsArePagedOldestFirst() {
        BrowserSession writer = new BrowserSession();
        String name = fixtures.signIn(writer, Role.USER, true);
        String post = PostFixtures.publish(writer, "Busy " + AccountFixtures.unique("t"));
        long author = fixtures.idOf(name);
        for (int i = 1; i <= CommentService.PAGE_SIZE + 1; i++) {
            comments.add(idOf(post), author, "Comment number " + i + ".");
        }
        String first = new BrowserSession().get(post).then().statusCode(200).extract().asString();
        assertThat(first).contains("Comment number 1.", "Comment number 50.", "51 comments", "href=\"" + post + "?page=2#comments\"")
                .doesNotContain("Comment number 51.");
        assertThat(first.indexOf("Comment number 1.")).isLessThan(first.indexOf("Comment number 2."));
        new BrowserSession().get(post + "?page=2").then().statusCode(200)
                .body(containsString("Comment number 51."), not(containsString("Comment number 50.")));
        new BrowserSession().get(post + "?page=0").then().statusCode(400);
        // a comment on the second page is sent there
        comment(writer, post, "Late.").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.startsWith(post + "?page=2#comment-"));
    }

    @Test
    void commentsThrottledPerAccount() {
        BrowserSession reader = fixtures.signedIn(Role.USER, true);
        String post = PostFixtures.publish(reader, "Flood " + AccountFixtures.unique("t"));
        for (int i = 0; i < CommentThrottle.PER_WINDOW; i++) {
            comment(reader, post, "Comment " + i).then().statusCode(303);
        }
        comment(reader, post, "One too many").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body(containsString("Too many comments in a short time"));
        assertThat(comments.forPost(idOf(post), 1, false).orElseThrow().total()).isEqualTo(CommentThrottle.PER_WINDOW);
        // another account is not held back
        comment(fixtures.signedIn(Role.USER, true), post, "Me too").then().statusCode(303);
        // the refusal speaks the reader's language, as every page does
        BrowserSession chinese = new BrowserSession("zh-CN");
        fixtures.signIn(chinese, Role.USER, true);
        for (int i = 0; i < CommentThrottle.PER_WINDOW; i++) {
            comment(chinese, post, "Comment " + i).then().statusCode(303);
        }
        comment(chinese, post, "One too many").then().statusCode(429).body(containsString("短时间内评论过多"));
    }

    @Test
    void aDeletedPostTakesItsCommentsAndADisabledAuthorsStay() {
        BrowserSession writer = fixtures.signedIn(Role.USER, true);
        String post = PostFixtures.publish(writer, "Going " + AccountFixtures.unique("t"));
        BrowserSession reader = new BrowserSession();
        String name = fixtures.signIn(reader, Role.USER, true);
        comment(reader, post, "Still mine.").then().statusCode(303);
        long id = comments.forPost(idOf(post), 1, false).orElseThrow().items().get(0).id();

        disable(name);
        new BrowserSession().get(post).then().body(containsString("Still mine."), containsString("@" + name));

        writer.submit(post + "/delete", post + "/delete", Map.of()).then().statusCode(303);
        assertThat(comments.get(id, true)).isEmpty();
    }

    void disable(String username) {
        QuarkusTransaction.requiringNew().run(() -> administration.setDisabled(accounts.byUsername(username).orElseThrow().id(), true));
    }

    boolean audited(String actor, String action, String target) {
        return AuditEntry.count("actor = ?1 and action = ?2 and target = ?3", actor, action, target) > 0;
    }
}
