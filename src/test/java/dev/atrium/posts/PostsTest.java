package dev.atrium.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class PostsTest {

    @Inject
    AccountFixtures fixtures;

    @Test
    void aWriterPublishesAndThePostIsOnTheIndexItsPageAndTheProfile() {
        BrowserSession writer = new BrowserSession();
        String username = fixtures.signIn(writer, Role.USER, true);
        String title = "Hello " + AccountFixtures.unique("t");

        String location = publish(writer, title, "Some **bold** words.").header("Location");
        String path = location.substring(location.indexOf("/posts/"));

        new BrowserSession().get(path).then().statusCode(200)
                .body(containsString("<h1>" + title + "</h1>"), containsString("<strong>bold</strong>"),
                        containsString("@" + username));
        new BrowserSession().get("/").then().statusCode(200).body(containsString(title));
        new BrowserSession().get("/users/" + username).then().statusCode(200).body(containsString(title));
    }

    @Test
    void theEditorsPreviewIsForTheSignedInWriterWithTheFormsToken() {
        BrowserSession writer = fixtures.signedIn(Role.USER, true);
        String token = BrowserSession.csrfToken(writer.get("/posts/new").asString());

        writer.request().contentType("application/json").accept("application/json").header("X-CSRF-TOKEN", token)
                .body(Map.of("markdown", "**hi** <img src=x onerror=alert(1)>")).post("/posts/preview")
                .then().statusCode(200).body("html", containsString("<strong>hi</strong>"), "html", not(containsString("<img")));
        // a page elsewhere cannot ask on the writer's behalf: it has no token
        writer.request().contentType("application/json").accept("application/json").body(Map.of("markdown", "x"))
                .post("/posts/preview").then().statusCode(403);
        // an anonymous visitor: no token either (and no session behind it)
        new BrowserSession().request().contentType("application/json").body(Map.of("markdown", "x")).post("/posts/preview")
                .then().statusCode(403);
        fixtures.signedIn(Role.USER, false).request().contentType("application/json").header("X-CSRF-TOKEN", token)
                .body(Map.of("markdown", "x")).post("/posts/preview").then().statusCode(org.hamcrest.Matchers.not(200));
    }

    @Test
    void aGarbledValidatorIsIgnored() {
        BrowserSession writer = fixtures.signedIn(Role.USER, true);
        String location = publish(writer, "Validators " + AccountFixtures.unique("t"), "Text.").header("Location");
        String path = location.substring(location.indexOf("/posts/"));
        for (String[] header : new String[][] { { "If-Modified-Since", "garbage" }, { "If-None-Match", "\"" },
                { "If-Modified-Since", "Thu, 99 Foo 2026 99:99:99 GMT" } }) {
            for (BrowserSession reader : java.util.List.of(new BrowserSession(), writer)) {
                reader.request().header(header[0], header[1]).get(path).then().statusCode(200);
            }
        }
    }

    @Test
    void theAnonymousIndexIsRenderedOnceButNeverStale() {
        String title = "Fresh " + AccountFixtures.unique("t");
        BrowserSession visitor = new BrowserSession();
        BrowserSession chinese = new BrowserSession("zh-CN");
        visitor.get("/").then().statusCode(200).body(not(containsString(title)));
        chinese.get("/").then().statusCode(200);

        BrowserSession writer = fixtures.signedIn(Role.USER, true);
        writer.submit("/posts/new", "/posts", java.util.Map.of("title", title, "body", "New.")).then().statusCode(303);

        visitor.get("/").then().statusCode(200).contentType(startsWith("text/html")).body(containsString(title))
                .body(containsString("<html lang=\"en\">")).body(not(containsString("/logout")));
        chinese.get("/").then().statusCode(200).body(containsString(title)).body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("最新文章"));
        writer.get("/").then().statusCode(200).body(containsString(title)).body(containsString("/logout"))
                .body(containsString("href=\"/posts/new\""));
        visitor.get("/").then().body(not(containsString("href=\"/posts/new\"")));
    }

    @Test
    void titlesAndBodiesAreRenderedInert() {
        BrowserSession writer = fixtures.signedIn(Role.USER, true);
        String location = publish(writer, "<script>alert('t')</script>",
                "<img src=x onerror=alert(1)> [x](javascript:alert(2)) <script>alert(3)</script>").header("Location");
        String page = new BrowserSession().get(location.substring(location.indexOf("/posts/"))).asString();
        assertThat(page).contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert", "onerror=", "javascript:alert");
    }

    @Test
    void editorErrorsKeepWhatWasTyped() {
        BrowserSession writer = fixtures.signedIn(Role.USER, true);
        writer.submit("/posts/new", "/posts", Map.of("title", " ", "body", "kept text")).then().statusCode(400)
                .body(containsString("Give the post a title"), containsString(">kept text</textarea>"));
        writer.submit("/posts/new", "/posts", Map.of("title", "x".repeat(201), "body", "")).then().statusCode(400)
                .body(containsString("Write some text"));
    }

    @Test
    void thePermissionMatrixForPages() {
        BrowserSession author = fixtures.signedIn(Role.USER, true);
        String path = path(publish(author, "Matrix " + AccountFixtures.unique("m"), "text"));
        BrowserSession otherUser = fixtures.signedIn(Role.USER, true);
        BrowserSession moderator = fixtures.signedIn(Role.MODERATOR, true);
        BrowserSession anonymous = new BrowserSession();

        anonymous.get("/posts/new").then().statusCode(302);
        anonymous.get(path + "/edit").then().statusCode(302);
        fixtures.signedIn(Role.USER, false).get("/posts/new").then().statusCode(303); // unconfirmed: asked to confirm

        otherUser.get(path + "/edit").then().statusCode(403);
        otherUser.submit(path, path, Map.of("title", "hijack", "body", "x")).then().statusCode(403);
        otherUser.submit(path, path + "/delete", Map.of()).then().statusCode(403);
        otherUser.get(path).then().body(not(containsString(path + "/edit")));

        author.get(path).then().body(containsString(path + "/edit"), containsString(path + "/delete"));
        moderator.get(path).then().body(containsString(path + "/edit"), not(containsString(path + "/delete")));
        moderator.submit(path + "/edit", path, Map.of("title", "Moderated title", "body", "moderated")).then().statusCode(303);
        anonymous.get(path).then().body(containsString("Moderated title"));
        moderator.submit(path, path + "/delete", Map.of()).then().statusCode(403);

        BrowserSession administrator = fixtures.signedIn(Role.ADMINISTRATOR, true);
        administrator.submit(path, path + "/delete", Map.of()).then().statusCode(303);
        anonymous.get(path).then().statusCode(404);
    }

    @Test
    void theAuthorDeletesTheirOwnPost() {
        BrowserSession author = fixtures.signedIn(Role.USER, true);
        String path = path(publish(author, "Short-lived", "text"));
        author.submit(path + "/delete", path + "/delete", Map.of()).then().statusCode(303);
        author.get(path).then().statusCode(404);
    }

    /** The post's page links to a page that asks, and only that page's form deletes: no script, no stray click. */
    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void deletingAsksFirstOnAPageOfItsOwn(String language) {
        BrowserSession author = new BrowserSession(language);
        fixtures.signIn(author, Role.USER, true);
        String title = "Asked " + AccountFixtures.unique("d");
        String path = path(publish(author, title, "text"));

        String postPage = author.get(path).asString();
        assertThat(postPage).contains("<a class=\"danger\" href=\"" + path + "/delete\">")
                .doesNotContain("action=\"" + path + "/delete\"");
        String confirm = author.get(path + "/delete").then().statusCode(200).extract().asString();
        assertThat(confirm).contains("<form class=\"form\" method=\"post\" action=\"" + path + "/delete\">",
                "name=\"csrf-token\"", "<a href=\"" + path + "\">", title)
                .contains(language.equals("en") ? "Delete this post?" : "删除这篇文章？")
                .contains(language.equals("en") ? "Keep it" : "保留文章");
        author.get(path).then().statusCode(200); // asking deleted nothing

        author.postWithoutToken(path + "/delete", Map.of()).then().statusCode(403);
        author.get(path).then().statusCode(200);
        author.submit(path + "/delete", path + "/delete", Map.of()).then().statusCode(303);
        author.get(path).then().statusCode(404);
        author.get(path + "/delete").then().statusCode(404);
    }

    @Test
    void onlyThoseWhoMayDeleteAreAsked() {
        BrowserSession author = fixtures.signedIn(Role.USER, true);
        String path = path(publish(author, "Not yours " + AccountFixtures.unique("d"), "text"));
        new BrowserSession().get(path + "/delete").then().statusCode(302)
                .header("Location", containsString("/login?next="));
        fixtures.signedIn(Role.USER, true).get(path + "/delete").then().statusCode(403);
        fixtures.signedIn(Role.MODERATOR, true).get(path + "/delete").then().statusCode(403);
        fixtures.signedIn(Role.ADMINISTRATOR, true).get(path + "/delete").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "-1", "abc", "1.5", "99999999999", "100001", "%00" })
    void badPageNumbersAre400(String page) {
        io.restassured.RestAssured.given().urlEncodingEnabled(false).accept("*/*")
                .get("/?page=" + page).then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("page must be a whole number from 1 to 100000."));
    }

    @Test
    void aPageBeyondTheLastIsEmptyNotAnError() {
        new BrowserSession().get("/?page=5000").then().statusCode(200).body(containsString("Nothing has been written yet."));
        new BrowserSession().get("/users/nobody-at-all").then().statusCode(404);
    }

    @Test
    void postPagesAnswerConditionalRequests() {
        BrowserSession author = fixtures.signedIn(Role.USER, true);
        String path = path(publish(author, "Cached " + AccountFixtures.unique("c"), "text"));
        BrowserSession reader = new BrowserSession();
        Response first = reader.get(path);
        first.then().statusCode(200);
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Last-Modified")).isNotBlank();

        reader.request().header("If-None-Match", etag).get(path).then().statusCode(304);
        author.submit(path + "/edit", path, Map.of("title", "Changed", "body", "new text")).then().statusCode(303);
        reader.request().header("If-None-Match", etag).get(path).then().statusCode(200).body(containsString("Changed"));
    }

    private static Response publish(BrowserSession writer, String title, String body) {
        Response response = writer.submit("/posts/new", "/posts", Map.of("title", title, "body", body));
        response.then().statusCode(303);
        return response;
    }

    private static String path(Response created) {
        String location = created.header("Location");
        return location.substring(location.indexOf("/posts/"));
    }
}
