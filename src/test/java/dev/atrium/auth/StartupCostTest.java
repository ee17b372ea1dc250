package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Starting the application computes no password hash: {@link PasswordPolicy} makes a bcrypt hash when it is
 * created (the decoy for unknown logins), a tenth of a second or more of CPU, so it must wait for the first
 * request that checks a password. It was once made at every start by the dev-only administrator seeder.
 */
@QuarkusTest
@TestProfile(StartupCostTest.FreshStart.class)
class StartupCostTest {

    /** A profile of this class's own, so the application is started for it and has served nothing yet. */
    public static class FreshStart implements QuarkusTestProfile {
    }

    @Test
    void startingMakesNoPasswordPolicy() {
        boolean made = Arc.container().getActiveContext(Singleton.class).getState().getContextualInstances().keySet().stream()
                .anyMatch(bean -> bean.getBeanClass().equals(PasswordPolicy.class));
        assertThat(made).as("PasswordPolicy made at start").isFalse();
    }
}
