package dev.atrium.monitoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.atrium.testing.ManagementInterface;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Health and metrics answer on the management interface only; the public port, the one the load balancer and
 * the internet reach, answers 404 for them as for any unknown address. The API's OpenAPI document is the one
 * {@code /q/} address that stays public.
 */
@QuarkusTest
class OperationsPortTest {

    @ParameterizedTest
    @ValueSource(strings = { "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started", "/q/metrics" })
    void answersOnTheManagementPort(String path) {
        given().get(ManagementInterface.url(path)).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/health", "/q/health/", "/q/health/live", "/q/health/ready", "/q/health/started",
            "/q/health/well", "/q/metrics", "/q/metrics/", "/q/info" })
    void isAnUnknownAddressOnThePublicPort(String path) {
        given().accept("application/json").get(path).then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body(not(containsString("\"status\":\"UP\"")), not(containsString("jvm_")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/openapi", "/q/openapi?format=json" })
    void theOpenApiDocumentStaysOnThePublicPortOnly(String path) {
        given().get(path).then().statusCode(200).body(containsString("/api/v1/posts"));
        given().get(ManagementInterface.url(path)).then().statusCode(404);
    }
}
