package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LogSafePathTest {

    private static final String TOKEN = "cmVzZXR8NHwxNzk2MDI4NDA3fGFsaWNlQGV4YW1wbGUub3Jn.XfVFTAnFIHJQAD8Tt0rm8EI3ClZ2OW6guFCA1jZUMP8";

    @Test
    void tokensInThePathAreRedactedAndTheQueryIsLeftOut() {
        assertThat(LogSafePath.of("/reset/" + TOKEN)).isEqualTo("/reset/[redacted]");
        assertThat(LogSafePath.of("/settings/email/" + TOKEN + "/")).isEqualTo("/settings/email/[redacted]/");
        assertThat(LogSafePath.of("/admin/users?q=alice@example.org")).isEqualTo("/admin/users");
        assertThat(LogSafePath.of("/confirm/" + TOKEN + "?x=" + TOKEN)).isEqualTo("/confirm/[redacted]");
    }

    @Test
    void ordinaryPathsAreKept() {
        for (String path : List.of("/", "/about", "/posts/12/edit", "/users/" + "a".repeat(32), "/assets/91a25d1cf77a/app.css")) {
            assertThat(LogSafePath.of(path)).isEqualTo(path);
        }
        assertThat(LogSafePath.of(null)).isEqualTo("-");
    }

    @Test
    void theAddressAProxyAddedIsTheLastEntryWithoutItsPort() {
        assertThat(ClientAddress.lastEntry(List.of("192.0.2.1, 203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.lastEntry(List.of("192.0.2.1", "203.0.113.9 , "))).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.lastEntry(List.of(" , "))).isEmpty();
        assertThat(ClientAddress.withoutPort("203.0.113.9:5678")).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.withoutPort("[2001:db8::1]:5678")).isEqualTo("2001:db8::1");
        assertThat(ClientAddress.withoutPort("2001:db8::1")).isEqualTo("2001:db8::1");
    }
}
