package dev.atrium.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ErrorMappingTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void unknownPageGivesBrowsersTheErrorPageInTheLayout() {
        given().accept(BROWSER_ACCEPT)
                .when().get("/no/such/page")
                .then().statusCode(404)
                .contentType(startsWith("text/html"))
                .body(containsString("<title>Page not found · Atrium</title>"),
                        containsString("class=\"site-header\""),
                        containsString("Error 404"));
    }

    @Test
    void unknownPageGivesApiClientsAProblemDocument() {
        given().accept("application/json")
                .when().get("/no/such/page")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("about:blank"),
                        "title", equalTo("Not Found"),
                        "status", equalTo(404),
                        "detail", equalTo("There is nothing at this address."),
                        "instance", equalTo("/no/such/page"));
    }

    @Test
    void clientsThatAcceptAnythingGetProblemJson() {
        given().accept("*/*").when().get("/missing").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().when().get("/missing").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void missingStaticFileGoesThroughTheSameMapping() {
        given().accept(BROWSER_ACCEPT).when().get("/missing.css").then().statusCode(404)
                .contentType(startsWith("text/html")).body(containsString("Page not found"));
        given().accept("application/json").when().get("/missing.css").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(404));
    }

    @Test
    void wrongMethodIs405InBothFormats() {
        given().accept(BROWSER_ACCEPT).when().delete("/about").then().statusCode(405)
                .contentType(startsWith("text/html")).body(containsString("Method not allowed"));
        given().accept("application/json").when().put("/about").then().statusCode(405)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(405));
    }

    @Test
    void unexpectedErrorIsLoggedOnceAndNeverShown() {
        try (LogCapture log = LogCapture.of(GlobalExceptionMapper.class)) {
            Response page = given().accept(BROWSER_ACCEPT).when().get("/test-errors/boom");
            page.then().statusCode(500)
                    .contentType(startsWith("text/html"))
                    .body(containsString("Something went wrong"),
                            not(containsString(ErrorProbeResource.SECRET)),
                            not(containsString("IllegalStateException")),
                            not(containsString("at dev.atrium")));
            String requestId = page.header("X-Request-Id");
            assertThat(page.asString()).contains("<code>" + requestId + "</code>");

            assertThat(log.entries()).hasSize(1);
            LogCapture.Entry entry = log.entries().get(0);
            assertThat(entry.level()).isEqualTo(Level.SEVERE);
            assertThat(entry.requestId()).isEqualTo(requestId);
            assertThat(entry.thrown()).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void unexpectedErrorAsProblemJsonCarriesOnlyTheRequestId() {
        Response problem = given().accept("application/json").when().get("/test-errors/boom");
        problem.then().statusCode(500)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(500),
                        "title", equalTo("Internal Server Error"),
                        "requestId", equalTo(problem.header("X-Request-Id")));
        assertThat(problem.asString()).doesNotContain(ErrorProbeResource.SECRET).doesNotContain("Exception");
    }

    @Test
    void serviceUnavailableKeepsItsRetryAfter() {
        given().accept(BROWSER_ACCEPT).when().get("/test-errors/unavailable").then().statusCode(503)
                .header("Retry-After", "30")
                .contentType(startsWith("text/html")).body(containsString("Service unavailable"));
        given().accept("application/json").when().get("/test-errors/unavailable").then().statusCode(503)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(503));
    }

    @Test
    void anUnreachableDatabaseIs503NotA500() {
        given().accept(BROWSER_ACCEPT).when().get("/test-errors/database-down").then().statusCode(503)
                .header("Retry-After", "5")
                .contentType(startsWith("text/html")).body(containsString("Service unavailable"),
                        not(containsString("Connection refused")));
        given().accept("application/json").when().get("/test-errors/database-down").then().statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("The database cannot be reached; try again shortly."));
    }

    private static final String CSRF = "MrWVHcgjCqpFZGg7HtNs-g";

    @Test
    void wrongContentTypeIs415() {
        // a body other than a form needs the CSRF token outside /api/ (CsrfGuard): sent, as a page's script would
        given().accept(BROWSER_ACCEPT).contentType("application/xml").body("<a/>").cookie("atrium-csrf", CSRF).header("X-CSRF-TOKEN", CSRF)
                .when().post("/test-errors/upload").then().statusCode(415)
                .contentType(startsWith("text/html")).body(containsString("Unsupported content"));
        given().accept("application/json").contentType("application/xml").body("<a/>").cookie("atrium-csrf", CSRF).header("X-CSRF-TOKEN", CSRF)
                .when().post("/test-errors/upload").then().statusCode(415)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(415));
    }

    @Test
    void bodyOverTheLimitIs413() {
        String tooLarge = "x".repeat(1024 * 1024 + 1);
        given().accept(BROWSER_ACCEPT).contentType("text/plain").body(tooLarge)
                .when().post("/test-errors/upload").then().statusCode(413)
                .contentType(startsWith("text/html")).body(containsString("Request too large"));
        given().accept("application/json").contentType("text/plain").body(tooLarge)
                .when().post("/test-errors/upload").then().statusCode(413)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(413));
    }

    @Test
    void badRequestHasItsOwnPage() {
        given().accept(BROWSER_ACCEPT).when().get("/language?lang=klingon").then().statusCode(400)
                .contentType(startsWith("text/html")).body(containsString("Bad request"));
    }

    @Test
    void errorPagesSpeakTheVisitorsLanguage() {
        given().accept(BROWSER_ACCEPT).header("Accept-Language", "zh-CN")
                .when().get("/no/such/page").then().statusCode(404)
                .body(containsString("页面不存在"), containsString("<html lang=\"zh-CN\">"));
    }
}
