package dev.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.PackagedApp;
import dev.atrium.testing.Slow;

/**
 * SIGTERM, as an orchestrator or systemd sends it: readiness turns DOWN at once while the application still
 * answers (so the load balancer can move traffic away), then the process exits cleanly.
 */
@Slow
class GracefulShutdownIT {

    @Test
    void sigtermTurnsReadinessDownThenExitsCleanly() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("QUARKUS_SHUTDOWN_DELAY", "4S"))) {
            assertThat(app.awaitManagementStatus("/q/health/ready", 200, Duration.ofSeconds(60)))
                    .as("ready; output:%n%s", app.output()).isTrue();

            app.process().destroy(); // SIGTERM

            assertThat(app.awaitManagementStatus("/q/health/ready", 503, Duration.ofSeconds(3)))
                    .as("readiness DOWN during the shutdown delay").isTrue();
            assertThat(app.status("/hello_world")).as("still serving during the delay").isEqualTo(200);
            assertThat(app.managementStatus("/q/health/live")).as("still alive during the delay").isEqualTo(200);

            Integer exit = app.awaitExit(Duration.ofSeconds(40));
            assertThat(exit).as("exit status; output:%n%s", app.output()).isIn(0, 143);
            assertThat(app.output()).contains("stopped in");
        }
    }

    /**
     * A request still arriving when SIGTERM comes is finished before the process exits: here its body is
     * only half sent at the signal, and the rest follows a second later.
     */
    @Test
    void aRequestInFlightAtSigtermIsCompleted() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("QUARKUS_SHUTDOWN_DELAY", "0S", "QUARKUS_SHUTDOWN_TIMEOUT", "20S"))) {
            assertThat(app.awaitManagementStatus("/q/health/ready", 200, Duration.ofSeconds(60)))
                    .as("ready; output:%n%s", app.output()).isTrue();
            // a login form, as a browser sends it: the CSRF cookie and token from the login page, a wrong password
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/login")).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = page.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("atrium-csrf="))
                    .map(value -> value.substring(0, value.indexOf(';'))).findFirst().orElseThrow();
            byte[] body = ("csrf-token=" + BrowserSession.csrfToken(page.body()) + "&login=in-flight&password=not-the-password")
                    .getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", app.port())) {
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Accept: text/html\r\nCookie: " + cookie + "\r\nConnection: close\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, 10);
                out.flush();
                Thread.sleep(500); // the request has reached the server and is waiting for its body

                app.process().destroy(); // SIGTERM
                Thread.sleep(1000);
                assertThat(app.process().isAlive()).as("waits for the request in flight").isTrue();

                out.write(body, 10, body.length - 10);
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                // the whole form was read and checked: the login page again, with its message
                assertThat(answer).startsWith("HTTP/1.1 400").contains("value=\"in-flight\"");
            }
            Integer exit = app.awaitExit(Duration.ofSeconds(30));
            assertThat(exit).as("exit status; output:%n%s", app.output()).isIn(0, 143);
        }
    }
}
