package dev.atrium.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ResponseHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/about", "/no-such-page" })
    void everyHtmlResponseCarriesTheSecurityHeaders(String path) {
        given().accept("text/html").get(path).then()
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void htmlIsKeptOutOfSharedCaches() {
        given().accept("text/html").get("/").then()
                .header("Cache-Control", containsString("private"))
                .header("Cache-Control", containsString("no-cache"));
    }

    @Test
    void staticFilesAreCacheableAndRevalidatable() {
        var response = given().get("/app.css").then().statusCode(200)
                .header("Cache-Control", containsString("max-age="))
                .header("Last-Modified", notNullValue())
                .header("Content-Security-Policy", nullValue())
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .extract();
        given().header("If-Modified-Since", response.header("Last-Modified"))
                .get("/app.css").then().statusCode(304);
    }
}
