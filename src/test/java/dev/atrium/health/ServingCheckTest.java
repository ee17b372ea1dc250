package dev.atrium.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.StartupEvent;

class ServingCheckTest {

    @Test
    void downBeforeStartUpAndFromTheFirstSignOfShutdown() {
        ServingCheck check = new ServingCheck();
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        check.onStart(new StartupEvent());
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        check.onShutdownDelay(new ShutdownDelayInitiatedEvent());
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }
}
