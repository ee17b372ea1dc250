package dev.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.PackagedApp;
import dev.atrium.testing.TcpProxy;
import dev.atrium.testing.TestDatabase;

/**
 * The database goes away and comes back: readiness turns DOWN and UP again with no restart, liveness stays
 * UP throughout, and pages that do not need the database keep working.
 */
class DatabaseOutageIT {

    /** Posts the login form, with its CSRF token, as a browser would; the login needs the database. */
    private static int loginStatus(PackagedApp app) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI login = URI.create("http://127.0.0.1:" + app.port() + "/login");
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(login).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        String token = BrowserSession.csrfToken(page.body());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("atrium-csrf="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpRequest post = HttpRequest.newBuilder(login).header("Accept", "text/html").header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("login=someone&password=whatever1&csrf-token=" + token)).build();
        return client.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void readinessFollowsTheDatabaseWithoutARestart() throws Exception {
        URI database = URI.create(TestDatabase.get().jdbcUrl().substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(database.getHost(), database.getPort());
                PackagedApp app = PackagedApp.start(Map.of("QUARKUS_DATASOURCE_JDBC_URL",
                        "jdbc:postgresql://127.0.0.1:" + proxy.port() + database.getPath()))) {
            assertThat(app.awaitManagementStatus("/q/health/ready", 200, Duration.ofSeconds(60)))
                    .as("ready; output:%n%s", app.output()).isTrue();

            proxy.cut();
            assertThat(app.awaitManagementStatus("/q/health/ready", 503, Duration.ofSeconds(20))).as("DOWN without the database").isTrue();
            assertThat(app.managementStatus("/q/health/live")).as("liveness does not depend on the database").isEqualTo(200);
            assertThat(app.status("/about")).as("pages without the database still work").isEqualTo(200);
            assertThat(loginStatus(app)).as("a page that needs the database answers 503").isEqualTo(503);

            proxy.restore();
            assertThat(app.awaitManagementStatus("/q/health/ready", 200, Duration.ofSeconds(30))).as("UP again, same process").isTrue();
            assertThat(app.process().isAlive()).isTrue();
        }
    }
}
