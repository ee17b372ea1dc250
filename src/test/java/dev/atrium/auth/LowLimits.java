package dev.atrium.auth;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Limits low enough for tests to reach, shared by the classes that test them (one start of the application
 * for all). Their requests come through the trusted proxy with addresses of their own
 * ({@code BrowserSession.at}), so each test's per-address counts are its own.
 */
public class LowLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("atrium.auth.login-attempts-per-account-and-address", "3",
                "atrium.auth.login-attempts-per-account", "8",
                "atrium.auth.login-attempts-per-address", "6",
                "atrium.auth.mails-per-recipient", "3",
                "atrium.auth.mails-per-address", "6",
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
    }
}
