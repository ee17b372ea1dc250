package dev.atrium.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import dev.atrium.testing.SmtpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application sending its mail by SMTP to a {@link SmtpServer} of the test's, with retries close together
 * so that an outage and its end fit in a test: 6 attempts, 0.3 s apart at first, at most 1 s.
 */
public class RealSmtp implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("atrium.mail.poll-interval", "PT1S",
                "atrium.mail.max-attempts", "6",
                "atrium.mail.first-retry", "PT0.3S",
                "atrium.mail.longest-retry", "PT1S",
                "atrium.mail.send-timeout", "PT5S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    /** Starts the SMTP server before the application and points the mailer at it. */
    public static class Server implements QuarkusTestResourceLifecycleManager {

        private static volatile SmtpServer server;

        public static SmtpServer smtp() {
            return server;
        }

        @Override
        public Map<String, String> start() {
            try {
                server = SmtpServer.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("quarkus.mailer.mock", "false",
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", Integer.toString(server.port()),
                    "quarkus.mailer.from", "atrium@example.org",
                    "quarkus.mailer.start-tls", "DISABLED",
                    "quarkus.mailer.login", "DISABLED");
        }

        @Override
        public void stop() {
            try {
                server.close();
            } catch (IOException e) {
                // the test is over either way
            }
        }
    }
}
