package dev.atrium.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.ProdProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** What prod's defaults add: HSTS over HTTPS only, and every cookie Secure. */
@QuarkusTest
@TestProfile(ProdProfile.class)
class ProdHeadersTest {

    @Test
    void httpsThroughATrustedProxyGetsHsts() {
        for (String path : new String[] { "/", "/about", "/app.css", "/no-such-page", "/api/v1/posts" }) {
            given().header("X-Forwarded-Proto", "https").get(path).then()
                    .header("Strict-Transport-Security", equalTo("max-age=31536000; includeSubDomains"));
        }
    }

    @Test
    void plainHttpGetsNoHsts() {
        for (String path : new String[] { "/", "/about", "/no-such-page" }) {
            given().get(path).then().header("Strict-Transport-Security", nullValue());
            given().header("X-Forwarded-Proto", "http").get(path).then().header("Strict-Transport-Security", nullValue());
        }
    }

    @Test
    void everyCookieIsSecureEvenOverPlainHttp() {
        Response login = given().accept("text/html").get("/login");
        assertThat(login.getDetailedCookie("atrium-csrf").isSecured()).as("CSRF cookie").isTrue();
        assertThat(login.getDetailedCookie("atrium-csrf").getSameSite()).isEqualToIgnoringCase("Lax");
        Response language = given().redirects().follow(false).get("/language?lang=zh-CN&next=/");
        assertThat(language.getDetailedCookie("atrium-lang").isSecured()).as("language cookie").isTrue();
    }
}
