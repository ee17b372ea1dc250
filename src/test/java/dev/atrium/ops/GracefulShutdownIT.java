package dev.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.PackagedApp;

/**
 * SIGTERM, as an orchestrator or systemd sends it: readiness turns DOWN at once while the application still
 * answers (so the load balancer can move traffic away), then the process exits cleanly.
 */
class GracefulShutdownIT {

    @Test
    void sigtermTurnsReadinessDownThenExitsCleanly() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("QUARKUS_SHUTDOWN_DELAY", "4S"))) {
            assertThat(app.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(60)))
                    .as("ready; output:%n%s", app.output()).isTrue();

            app.process().destroy(); // SIGTERM

            assertThat(app.awaitStatus("/q/health/ready", 503, Duration.ofSeconds(3)))
                    .as("readiness DOWN during the shutdown delay").isTrue();
            assertThat(app.status("/hello_world")).as("still serving during the delay").isEqualTo(200);
            assertThat(app.status("/q/health/live")).as("still alive during the delay").isEqualTo(200);

            Integer exit = app.awaitExit(Duration.ofSeconds(40));
            assertThat(exit).as("exit status; output:%n%s", app.output()).isIn(0, 143);
            assertThat(app.output()).contains("stopped in");
        }
    }
}
