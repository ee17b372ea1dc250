package dev.atrium.posts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.cache.HeldPages;
import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.RawHttp;
import dev.atrium.web.Language;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A post's page for visitors without a session, held by {@link HeldPages} once rendered and sent from the event loop. */
@QuarkusTest
class AnonymousPostPageRouteTest {

    @Inject
    HeldPages pages;
    @Inject
    AccountFixtures fixtures;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private String write(BrowserSession author, String title) {
        String location = author.submit("/posts/new", "/posts", Map.of("title", title, "body", "Some *text*."))
                .then().statusCode(303).extract().header("Location");
        return location.replaceAll("^https?://[^/]+", "");
    }

    private static long idOf(String path) {
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    @Test
    void theSecondAnonymousVisitGetsTheSamePageAndHeadersWithoutAPerVisitorCookie() {
        String path = write(fixtures.signedIn(Role.USER, true), "Held " + AccountFixtures.unique("t"));
        assertThat(pages.current(path, Language.EN)).as("nothing held before the first visit").isNull();

        Response rendered = new BrowserSession().get(path);
        rendered.then().statusCode(200);
        assertThat(pages.current(path, Language.EN)).as("rendered by the resource, then held for the route").isNotNull();

        Response served = new BrowserSession().get(path);
        served.then().statusCode(200)
                .contentType(equalTo("text/html;charset=UTF-8"))
                .header("X-Request-Id", matchesPattern("[0-9a-f]{32}"))
                .header("Content-Security-Policy", startsWith("default-src 'self'"))
                .header("Cache-Control", "private, no-cache")
                .header("ETag", equalTo(rendered.header("ETag")))
                .header("Last-Modified", equalTo(rendered.header("Last-Modified")));
        assertThat(served.asString()).isEqualTo(rendered.asString()).contains("<em>text</em>");
        assertThat(served.headers().getValues("Set-Cookie")).isEmpty();
        // the validators it was sent with still work: the resource answers the conditional request
        given().accept("text/html").header("If-None-Match", served.header("ETag")).get(path).then().statusCode(304);
    }

    @Test
    void eachLanguageHasItsOwnPage() {
        String path = write(fixtures.signedIn(Role.USER, true), "Languages " + AccountFixtures.unique("t"));
        new BrowserSession().get(path).then().statusCode(200);
        new BrowserSession("zh-CN").get(path).then().statusCode(200).body(containsString("lang=\"zh-CN\""), containsString("作者："));
        assertThat(pages.current(path, Language.ZH_CN)).isNotNull();
        new BrowserSession("zh-CN").get(path).then().statusCode(200).body(containsString("lang=\"zh-CN\""), containsString("作者："));
        new BrowserSession().get(path).then().statusCode(200).body(containsString("lang=\"en\""), not(containsString("作者：")));
    }

    @Test
    void anEditRetiresTheHeldPageUntilTheResourceRendersItAgain() {
        BrowserSession author = fixtures.signedIn(Role.USER, true);
        String path = write(author, "Before " + AccountFixtures.unique("t"));
        new BrowserSession().get(path).then().statusCode(200);
        assertThat(pages.current(path, Language.EN)).isNotNull();

        String edited = "After " + AccountFixtures.unique("t");
        author.submit(path + "/edit", path, Map.of("title", edited, "body", "Changed.")).then().statusCode(303);
        assertThat(pages.current(path, Language.EN)).as("a post changed: not served from the route").isNull();

        new BrowserSession().get(path).then().statusCode(200).body(containsString(edited));
        new BrowserSession().get(path).then().statusCode(200).body(containsString(edited), not(containsString("Before ")));
    }

    @Test
    void aPageRenderedFromWhatWasReadBeforeAChangeIsNeverServed() {
        String path = write(fixtures.signedIn(Role.USER, true), "Race " + AccountFixtures.unique("t"));
        long before = pages.generation();
        write(fixtures.signedIn(Role.USER, true), "Another " + AccountFixtures.unique("t"));
        assertThat(pages.generation()).as("a committed change moves the generation on").isGreaterThan(before);

        // as a slow rendering that read its post before that change would hold it
        pages.hold(path, Language.EN, before, "<p>out of date</p>", "W/\"x\"", "Thu, 01 Jan 2026 00:00:00 GMT");
        assertThat(pages.current(path, Language.EN)).isNull();
        new BrowserSession().get(path).then().statusCode(200).body(not(containsString("out of date")));
    }

    @Test
    void requestsThatAreNotForTheAnonymousPageGoThroughTheResource() {
        BrowserSession author = fixtures.signedIn(Role.USER, true);
        String path = write(author, "Through " + AccountFixtures.unique("t"));
        new BrowserSession().get(path).then().statusCode(200);
        assertThat(pages.current(path, Language.EN)).isNotNull();

        author.get(path).then().statusCode(200).body(containsString(path + "/edit"), containsString("/logout"));
        given().accept("application/json").get(path).then().statusCode(406);
        new BrowserSession().get(path + "?x=1").then().statusCode(200).header("Set-Cookie", containsString("atrium-csrf="));
        // an Authorization header goes to the security layer, which takes bearer tokens on the API only: the
        // page is the anonymous one
        given().accept("text/html").header("Authorization", "Bearer not-a-token").redirects().follow(false).get(path)
                .then().statusCode(200).body(not(containsString("/logout")));
        for (String odd : List.of("/posts/0", "/posts/-1", "/posts/99999999999999999999")) {
            given().accept("text/html").get(odd).then().statusCode(404);
        }
    }

    /** Other spellings of the address reach the same post; the page held for everyone is never made from them. */
    @Test
    void aVisitorsSpellingOfTheAddressNeverReachesTheHeldPage() throws IOException {
        BrowserSession author = fixtures.signedIn(Role.USER, true);
        String path = write(author, "Spelling " + AccountFixtures.unique("t"));
        long id = idOf(path);
        for (String odd : List.of(path + ";x=POISON", path + "/;x=POISON", "/" + path, "/posts/000" + id,
                "/posts/%2e/../posts/" + id + ";x=POISON")) {
            // a change retires the held page, so the next anonymous request renders it again
            author.submit(path + "/edit", path, Map.of("title", "Spelling", "body", "Text.")).then().statusCode(303);
            RawHttp.send(port, "GET " + odd + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");

            for (int visit = 0; visit < 2; visit++) {
                new BrowserSession().get(path).then().statusCode(200)
                        .body(not(containsString("POISON")), not(containsString("000" + id)),
                                containsString("next=" + URLEncoder.encode(path, StandardCharsets.UTF_8) + "\""));
            }
        }
    }
}
