package dev.atrium.health;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

import io.quarkus.runtime.StartupEvent;

/**
 * Started once every start-up observer has run: the application is initialised and may now be probed
 * for liveness and readiness. A startup probe guards the slow first seconds, so liveness can be strict.
 */
@Startup
@Singleton
class StartupCheck implements HealthCheck {

    private volatile boolean started;

    void onStart(@Observes StartupEvent event) {
        started = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("application-started").status(started).build();
    }
}
