package dev.atrium.testing;

import java.util.Map;

import dev.atrium.auth.AccountFixtures;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What the journey integration tests run the packaged application with: cookies over the tests' plain HTTP,
 * an administrator's address new at each start ({@link #admin()}: whoever registers with it becomes
 * administrator; each test class starts its own application, so each gets its own), and the per-address limits on logins and account mail lifted. Every request of the suite
 * comes from 127.0.0.1 and the limits' counters live in the shared database, so journeys added side by side
 * would otherwise meet limits that their own tests (LowLimits) check apart.
 */
public class JourneySite implements QuarkusTestResourceLifecycleManager {

    private static volatile String admin;

    /** The administrator's address of the application now running. */
    public static String admin() {
        return admin;
    }

    @Override
    public Map<String, String> start() {
        admin = AccountFixtures.unique("itadmin") + "@example.org";
        return Map.of("atrium.auth.secure-cookies", "false", "atrium.auth.admin-email", admin,
                "atrium.auth.login-attempts-per-address", "100000", "atrium.auth.mails-per-address", "100000");
    }

    @Override
    public void stop() {
    }
}
