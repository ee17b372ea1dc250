package dev.atrium.health;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Ready to serve: true between the end of start-up and the first sign of shutdown. It turns DOWN as soon
 * as shutdown begins (at the start of the shutdown delay), so a load balancer stops sending new requests
 * while the ones in flight still complete.
 */
@Readiness
@Singleton
public class ServingCheck implements HealthCheck {

    private volatile boolean serving;

    void onStart(@Observes StartupEvent event) {
        serving = true;
    }

    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        serving = false;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        serving = false;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("accepting-requests").status(serving).build();
    }
}
