package dev.atrium.main;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MainLoggingTest {

    @Test
    void theIndexViewLogsSuccessAtDebugWithItsRequestId() {
        try (LogCapture log = LogCapture.of(MainResource.class)) {
            String id = given().header("X-Request-Id", "trace-0001-main").get("/").then().statusCode(200)
                    .extract().header("X-Request-Id");

            assertThat(id).isEqualTo("trace-0001-main");
            assertThat(log.entries())
                    .anySatisfy(entry -> {
                        assertThat(entry.level()).isEqualTo(Level.FINE);
                        assertThat(entry.message()).isEqualTo("SUCCESS");
                        assertThat(entry.requestId()).isEqualTo("trace-0001-main");
                    });
        }
    }
}
