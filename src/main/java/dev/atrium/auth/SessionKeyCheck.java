package dev.atrium.auth;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start without a real session key. Without one Quarkus would make up a key per process, and
 * every replica would reject the others' session cookies and confirmation links.
 */
@Singleton
public class SessionKeyCheck {

    static final int MIN_LENGTH = 32;
    static final String VARIABLE = "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY";

    void check(@Observes @Priority(1) StartupEvent event,
            @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> key) {
        require(key);
    }

    /** The key, or a start-up failure that says what to set; every bean that uses the key asks here first. */
    static String require(Optional<String> key) {
        if (key.isEmpty() || key.get().length() < MIN_LENGTH) {
            throw new IllegalStateException(VARIABLE + " is " + (key.isEmpty() ? "not set" : "too short")
                    + ": set it to the same random value of at least " + MIN_LENGTH
                    + " characters on every replica (for example: openssl rand -base64 48).");
        }
        return key.get();
    }
}
