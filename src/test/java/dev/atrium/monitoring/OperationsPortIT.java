package dev.atrium.monitoring;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.atrium.testing.ManagementInterface;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same ports in the packaged application, which has no development tools on either. */
@QuarkusIntegrationTest
class OperationsPortIT extends OperationsPortTest {

    @ParameterizedTest
    @ValueSource(strings = { "/q/swagger-ui", "/q/swagger-ui/", "/q/dev-ui", "/q/dev" })
    void servesNoDevelopmentTool(String path) {
        given().get(path).then().statusCode(404);
        given().get(ManagementInterface.url(path)).then().statusCode(404);
    }
}
