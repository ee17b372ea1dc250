package dev.atrium.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.ManagementInterface;
import io.quarkus.test.junit.QuarkusTest;

/** The probes, on the management interface (OperationsPortTest: nowhere else). */
@QuarkusTest
class HealthTest {

    @Test
    void livenessChecksTheEventLoopsAndNothingOutside() {
        given().get(ManagementInterface.url("/q/health/live")).then().statusCode(200)
                .body("status", equalTo("UP"),
                        "checks.name", hasItem("event-loops-responsive"),
                        "checks.find { it.name == 'event-loops-responsive' }.data.eventLoops", greaterThan(0),
                        "checks.find { it.name == 'event-loops-responsive' }.data.stuck", equalTo(0),
                        "checks.name", not(hasItem("Graceful Shutdown")));
    }

    @Test
    void readinessSaysTheApplicationIsAcceptingRequests() {
        given().get(ManagementInterface.url("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"),
                        // Quarkus's own check, there because quarkus.shutdown.delay-enabled is on: DOWN from the first
                        // moment of shutdown (GracefulShutdownIT sees it turn)
                        "checks.find { it.name == 'Graceful Shutdown' }.status", equalTo("UP"),
                        "checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
    }

    @Test
    void startupSaysStartUpHasFinished() {
        given().get(ManagementInterface.url("/q/health/started")).then().statusCode(200)
                .body("status", equalTo("UP"),
                        "checks.find { it.name == 'application-started' }.status", equalTo("UP"));
    }
}
