package dev.atrium.main;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
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

/** The index for visitors without a session, held by {@link HeldPages} once rendered and sent from the event loop. */
@QuarkusTest
class AnonymousIndexRouteTest {

    @Inject
    HeldPages held;

    @Inject
    AccountFixtures fixtures;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void theSecondAnonymousVisitGetsTheSamePageAndHeadersWithoutAPerVisitorCookie() {
        Response rendered = new BrowserSession().get("/");
        rendered.then().statusCode(200);
        assertThat(held.current("/", Language.EN)).as("rendered by the resource, then held for the route").isNotNull();

        Response served = new BrowserSession().get("/");
        served.then().statusCode(200)
                .contentType(equalTo("text/html;charset=UTF-8"))
                .header("X-Request-Id", matchesPattern("[0-9a-f]{32}"))
                .header("Content-Security-Policy", startsWith("default-src 'self'"))
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "private, no-cache")
                .header("Vary", containsString("Cookie"));
        assertThat(served.asString()).isEqualTo(rendered.asString());
        // the page is the same for every anonymous visitor: nothing personal is handed out with it
        assertThat(served.headers().getValues("Set-Cookie")).isEmpty();
        // it is sent without validators, so a client's conditional request has nothing to be compared with: held
        Response conditional = new BrowserSession().request().header("If-Modified-Since", "Thu, 01 Jan 2026 00:00:00 GMT").get("/");
        conditional.then().statusCode(200);
        assertThat(conditional.asString()).isEqualTo(rendered.asString());
        assertThat(conditional.headers().getValues("Set-Cookie")).as("from the held page, not the resource").isEmpty();
    }

    @Test
    void aNewPostMakesTheHeldPageStaleUntilTheResourceRendersItAgain() {
        new BrowserSession().get("/").then().statusCode(200);
        assertThat(held.current("/", Language.EN)).isNotNull();

        String title = "Route " + AccountFixtures.unique("t");
        BrowserSession writer = fixtures.signedIn(Role.USER, true);
        writer.submit("/posts/new", "/posts", Map.of("title", title, "body", "Body.")).then().statusCode(303);
        assertThat(held.current("/", Language.EN)).as("the posts changed: not served from the route").isNull();

        new BrowserSession().get("/").then().statusCode(200).body(containsString(title));
        assertThat(held.current("/", Language.EN)).isNotNull();
        new BrowserSession().get("/").then().statusCode(200).body(containsString(title));
    }

    @Test
    void requestsThatAreNotForTheAnonymousPageGoThroughTheResource() {
        new BrowserSession().get("/").then().statusCode(200);
        assertThat(held.current("/", Language.EN)).isNotNull();

        BrowserSession writer = fixtures.signedIn(Role.USER, true);
        writer.get("/").then().statusCode(200).body(containsString("/logout"));
        given().accept("application/json").get("/").then().statusCode(406);
        new BrowserSession().get("/?page=1").then().statusCode(200).header("Set-Cookie", containsString("atrium-csrf="));
        // credentials other than a session are for the security layer to judge, not for the held page
        // an Authorization header goes to the security layer, which takes bearer tokens on the API only: the
        // page is the anonymous one
        given().accept("text/html").header("Authorization", "Bearer not-a-token").redirects().follow(false).get("/")
                .then().statusCode(200).body(not(containsString("/logout")));
    }

    /** Other spellings of "/" reach the index; the page held for everyone is never made from them. */
    @Test
    void aVisitorsSpellingOfTheAddressNeverReachesTheHeldPage() throws IOException {
        BrowserSession writer = fixtures.signedIn(Role.USER, true);
        for (String odd : List.of("/;x=POISON", "/%2e/", "//", "/.;x=POISON", "/%2e/;x=POISON")) {
            // a new post retires the held page, so the next anonymous request renders it again
            writer.submit("/posts/new", "/posts", Map.of("title", "Spelling " + AccountFixtures.unique("t"), "body", "Body."))
                    .then().statusCode(303);
            RawHttp.send(port, "GET " + odd + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");

            for (int visit = 0; visit < 2; visit++) {
                new BrowserSession().get("/").then().statusCode(200)
                        .body(not(containsString("POISON")), not(containsString("%2e")), containsString("next=%2F\""));
            }
        }
    }
}
