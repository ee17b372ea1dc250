package dev.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.PackagedApp;
import dev.atrium.testing.TcpProxy;

/**
 * The database goes away and comes back: readiness turns DOWN and UP again with no restart, liveness stays
 * UP throughout, and pages that do not need the database keep working.
 */
class DatabaseOutageIT {

    @Test
    void readinessFollowsTheDatabaseWithoutARestart() throws Exception {
        URI database = URI.create(System.getenv("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(database.getHost(), database.getPort());
                PackagedApp app = PackagedApp.start(Map.of("QUARKUS_DATASOURCE_JDBC_URL",
                        "jdbc:postgresql://127.0.0.1:" + proxy.port() + database.getPath()))) {
            assertThat(app.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(60)))
                    .as("ready; output:%n%s", app.output()).isTrue();

            proxy.cut();
            assertThat(app.awaitStatus("/q/health/ready", 503, Duration.ofSeconds(20))).as("DOWN without the database").isTrue();
            assertThat(app.status("/q/health/live")).as("liveness does not depend on the database").isEqualTo(200);
            assertThat(app.status("/about")).as("pages without the database still work").isEqualTo(200);

            proxy.restore();
            assertThat(app.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(30))).as("UP again, same process").isTrue();
            assertThat(app.process().isAlive()).isTrue();
        }
    }
}
