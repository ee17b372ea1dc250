package dev.atrium.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import dev.atrium.config.AtriumConfig;
import io.netty.util.concurrent.EventExecutor;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Alive while every event loop still runs a task handed to it within the configured time. A loop that
 * is stuck (blocked by a bad handler, deadlocked) serves nothing, and only a restart mends it. This
 * check depends on nothing outside the process, so an outside outage can never get the process killed.
 */
@Liveness
@Singleton
class EventLoopCheck implements AsyncHealthCheck {

    private final Vertx vertx;
    private final Duration timeout;

    EventLoopCheck(Vertx vertx, AtriumConfig config) {
        this.vertx = vertx;
        this.timeout = config.health().eventLoopTimeout();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<Boolean>> probes = new ArrayList<>();
        for (EventExecutor loop : vertx.nettyEventLoopGroup()) {
            probes.add(Uni.createFrom().<Boolean> emitter(emitter -> loop.execute(() -> emitter.complete(true)))
                    .ifNoItem().after(timeout).recoverWithItem(false));
        }
        return Uni.join().all(probes).andFailFast()
                .map(answers -> {
                    long stuck = answers.stream().filter(answered -> !answered).count();
                    return HealthCheckResponse.named("event-loops-responsive")
                            .status(stuck == 0)
                            .withData("eventLoops", answers.size())
                            .withData("stuck", stuck)
                            .build();
                });
    }
}
