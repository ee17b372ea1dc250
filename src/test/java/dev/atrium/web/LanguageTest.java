package dev.atrium.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class LanguageTest {

    @ParameterizedTest
    @ValueSource(strings = { "zh", "zh-CN", "zh-cn,en;q=0.5", "fr, zh;q=0.8", "zh-Hans" })
    void chineseIsChosenForZhAndZhCn(String acceptLanguage) {
        given().header("Accept-Language", acceptLanguage).accept("text/html").get("/about").then()
                .statusCode(200)
                .body(containsString("<html lang=\"zh-CN\">"), containsString("<title>关于 · Atrium</title>"),
                        containsString(">首页<"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US,en;q=0.9", "fr", "de-DE", "*", "", "zh;q=0", ";;;,q=x", "zh-TW" })
    void everythingElseGetsEnglish(String acceptLanguage) {
        given().header("Accept-Language", acceptLanguage).accept("text/html").get("/about").then()
                .statusCode(200)
                .body(containsString("<html lang=\"en\">"), containsString("<title>About · Atrium</title>"));
    }

    @Test
    void anOverLongHeaderIsIgnored() {
        given().header("Accept-Language", "zh," + "x".repeat(5000)).get("/about").then()
                .statusCode(200).body(containsString("<html lang=\"en\">"));
    }

    @Test
    void theSwitchRemembersTheChoiceAndGoesBack() {
        Response chosen = given().redirects().follow(false)
                .get("/language?lang=zh-CN&next=/about");
        chosen.then().statusCode(303).header("Location", equalTo("/about"));
        assertThat(chosen.getDetailedCookie("atrium-lang").getValue()).isEqualTo("zh-CN");
        assertThat(chosen.getDetailedCookie("atrium-lang").isHttpOnly()).isTrue();

        given().cookie("atrium-lang", "zh-CN").header("Accept-Language", "en").get("/").then()
                .body(containsString("<html lang=\"zh-CN\">"));
        given().cookie("atrium-lang", "en").header("Accept-Language", "zh-CN").get("/").then()
                .body(containsString("<html lang=\"en\">"));
    }

    @Test
    void anUnknownCookieValueFallsBackToTheHeader() {
        given().cookie("atrium-lang", "tlh").header("Accept-Language", "zh").get("/").then()
                .body(containsString("<html lang=\"zh-CN\">"));
    }

    @Test
    void theLayoutLinksEachOtherLanguageBackToThisPage() {
        given().accept("text/html").get("/about").then()
                .body(containsString("href=\"/language?lang=zh-CN&amp;next=%2Fabout\""));
    }

    @ParameterizedTest
    @CsvSource({ "//evil.example/x", "https://evil.example/", "/\\evil.example", "about", "javascript:alert(1)" })
    void theSwitchNeverRedirectsOffSite(String next) {
        given().redirects().follow(false).queryParam("lang", "en").queryParam("next", next)
                .get("/language").then().statusCode(303).header("Location", equalTo("/"));
    }

    @Test
    void anUnknownLanguageIsABadRequest() {
        given().accept("application/json").get("/language?lang=xx").then().statusCode(400)
                .body("detail", equalTo("Unknown language: choose one of en, zh-CN."));
        given().accept("application/json").get("/language").then().statusCode(400);
    }
}
