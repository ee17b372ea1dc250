package dev.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.PackagedApp;
import io.vertx.core.json.JsonObject;

/** In prod every log line is one JSON object, and the access log names each request by its id. */
class ProdLoggingIT {

    @Test
    void logLinesAreJsonAndTheAccessLogCarriesTheRequestId() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of())) {
            assertThat(app.awaitManagementStatus("/q/health/ready", 200, Duration.ofSeconds(60))).isTrue();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/about"))
                    .header("X-Request-Id", "it-prod-logging-0001").build();
            HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(200);

            List<JsonObject> lines = awaitAccessLog(app, "it-prod-logging-0001");
            JsonObject access = lines.stream()
                    .filter(line -> "io.quarkus.http.access-log".equals(line.getString("loggerName")))
                    .filter(line -> line.getString("message").contains("rid=it-prod-logging-0001"))
                    .findFirst().orElseThrow();
            assertThat(access.getString("message")).containsPattern("\"GET /about HTTP/[0-9.]+\" 200 ");
            assertThat(access.getJsonObject("mdc").getString("requestId")).isEqualTo("it-prod-logging-0001");
        }
    }

    private static List<JsonObject> awaitAccessLog(PackagedApp app, String requestId) throws Exception {
        String output = org.awaitility.Awaitility.await("an access log line for " + requestId).atMost(java.time.Duration.ofSeconds(5))
                .pollInterval(java.time.Duration.ofMillis(100)).until(app::output, text -> text.contains("rid=" + requestId));
        // every line of the log must parse as a JSON object
        return output.lines().filter(line -> !line.isBlank()).map(JsonObject::new).toList();
    }
}
