package dev.atrium.main;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MainResourceTest {

    @Test
    void indexRendersInTheSiteLayout() {
        given().accept("text/html")
                .when().get("/")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<title>Welcome · Atrium</title>"),
                        containsString("<h1>Welcome to Atrium</h1>"),
                        containsString("href=\"/about\""),
                        matchesPattern("(?s).*<link rel=\"stylesheet\" href=\"/assets/[0-9a-f]{12}/app.css\">.*"),
                        matchesPattern("(?s).*<script src=\"/assets/[0-9a-f]{12}/app.js\" defer></script>.*"),
                        containsString("class=\"site-footer\""));
    }

    @Test
    void aboutSharesTheLayout() {
        given().accept("text/html")
                .when().get("/about")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<title>About · Atrium</title>"),
                        containsString("<h1>About Atrium</h1>"),
                        containsString("class=\"site-header\""));
    }

    @Test
    void helloWorldIsExactlyThePlainText() {
        given().when().get("/hello_world")
                .then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(equalTo("Hello World!"));
        given().when().head("/hello_world").then().statusCode(200).header("Content-Length", "12")
                .header("X-Content-Type-Options", "nosniff").header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
        given().accept("application/json").when().post("/hello_world").then().statusCode(405)
                .header("Allow", "GET, HEAD").contentType(startsWith("application/problem+json"));
    }

    @Test
    void staticAssetsAreServed() {
        given().when().get("/app.css").then().statusCode(200).contentType(startsWith("text/css"));
        given().when().get("/app.js").then().statusCode(200).body(containsString("use strict"));
    }
}
