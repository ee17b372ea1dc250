package dev.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.PackagedApp;

/** A connection that sends nothing does not hold a replica for long (quarkus.http.idle-timeout in prod). */
class ConnectionTimeoutIT {

    @Test
    void aSilentConnectionIsClosedWithinTensOfSeconds() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of())) {
            assertThat(app.awaitManagementStatus("/q/health/ready", 200, Duration.ofSeconds(60)))
                    .as("ready; output:%n%s", app.output()).isTrue();
            try (Socket socket = new Socket("127.0.0.1", app.port())) {
                socket.setSoTimeout(60_000);
                long opened = System.nanoTime();
                InputStream in = socket.getInputStream();
                int read = in.read();
                Duration open = Duration.ofNanos(System.nanoTime() - opened);

                assertThat(read).as("closed by the server, not answered").isEqualTo(-1);
                assertThat(open).as("closed after the idle timeout, not Quarkus's default 30 minutes")
                        .isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
            }
        }
    }
}
