package dev.atrium.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RequestIdTest {

    @Test
    void everyResponseGetsAFreshIdWhenNoneIsSent() {
        String first = given().get("/hello_world").then().header("X-Request-Id", matchesPattern("[0-9a-f]{32}"))
                .extract().header("X-Request-Id");
        String second = given().get("/hello_world").then().extract().header("X-Request-Id");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void madeIdsAre128RandomBitsInHex() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestContextFilter.newRequestId();
            assertThat(id).matches("[0-9a-f]{32}");
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
        // every digit position takes every value: no position is stuck (a shift or mask gone wrong)
        for (int position = 0; position < 32; position++) {
            int at = position;
            assertThat(ids.stream().map(id -> id.charAt(at)).distinct().count()).as("digit %d", at).isEqualTo(16);
        }
    }

    @Test
    void aSaneIncomingIdIsKept() {
        given().header("X-Request-Id", "lb-7f3a9c21-0001").get("/hello_world")
                .then().header("X-Request-Id", equalTo("lb-7f3a9c21-0001"));
    }

    @Test
    void anInsaneIncomingIdIsReplaced() {
        for (String bad : new String[] { "short", "../../etc/passwd", "x".repeat(200), "<script>alert(1)</script>",
                "id with spaces" }) {
            given().header("X-Request-Id", bad).get("/hello_world")
                    .then().header("X-Request-Id", matchesPattern("[0-9a-f]{32}"));
        }
    }

    @Test
    void staticFilesAndErrorsGetAnIdToo() {
        given().get("/app.css").then().header("X-Request-Id", matchesPattern("[0-9a-f]{32}"));
        given().get("/nothing-here").then().statusCode(404).header("X-Request-Id", matchesPattern("[0-9a-f]{32}"));
    }
}
