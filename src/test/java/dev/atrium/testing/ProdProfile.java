package dev.atrium.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The prod profile's settings as the packaged application has them (Secure cookies, HSTS, the access log,
 * JSON logs), with the test profile on top of it only for what a test needs: the in-memory database, the
 * mock mailer, a fixed session key. The later profile of a list wins.
 */
public class ProdProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "prod,test";
    }

    /** Prod served over plain HTTP, as an operator may run it on a closed network: Secure cookies turned off. */
    public static class PlainHttp extends ProdProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atrium.auth.secure-cookies", "false");
        }
    }
}
