package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The fingerprint and the policy change, without an application. */
class StaticAssetsUnitTest {

    @Test
    void fingerprintIsTheStartOfTheSha256InHex() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertThat(StaticAssets.fingerprint("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo("ba7816bf8f01");
    }

    @Test
    void fingerprintChangesWithTheContent() {
        byte[] before = "body { color: black; }".getBytes(StandardCharsets.UTF_8);
        byte[] after = "body { color: navy; }".getBytes(StandardCharsets.UTF_8);
        assertThat(StaticAssets.fingerprint(before)).hasSize(12).matches("[0-9a-f]{12}")
                .isEqualTo(StaticAssets.fingerprint(before.clone()))
                .isNotEqualTo(StaticAssets.fingerprint(after));
    }

    @Test
    void contentTypesOfTheServedFiles() {
        assertThat(StaticAssets.contentType("app.css")).isEqualTo("text/css; charset=UTF-8");
        assertThat(StaticAssets.contentType("app.js")).isEqualTo("text/javascript; charset=UTF-8");
        assertThat(StaticAssets.contentType("favicon.svg")).isEqualTo("image/svg+xml");
        assertThat(StaticAssets.contentType("favicon.ico")).isEqualTo("image/x-icon");
        assertThatThrownBy(() -> StaticAssets.contentType("app.exe")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void originOfAnAssetBaseUrl() {
        assertThat(StaticAssets.origin("https://cdn.example.org")).isEqualTo("https://cdn.example.org");
        assertThat(StaticAssets.origin("https://cdn.example.org:8443/atrium/v1")).isEqualTo("https://cdn.example.org:8443");
    }

    @Test
    void policyAllowsScriptsStylesAndIconsFromTheAssetHost() {
        String policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'";
        assertThat(ResponseHeadersFilter.allowAssetsFrom(policy, "https://cdn.example.org")).isEqualTo(
                "default-src 'self'; script-src 'self' https://cdn.example.org; style-src 'self' https://cdn.example.org; "
                        + "img-src 'self' data: https://cdn.example.org; object-src 'none'");
    }

    @Test
    void missingDirectivesCopyDefaultSrcAndNoneIsReplaced() {
        assertThat(ResponseHeadersFilter.allowAssetsFrom("default-src 'self'; style-src 'none';", "https://c.example"))
                .isEqualTo("default-src 'self'; style-src https://c.example; script-src 'self' https://c.example; "
                        + "img-src 'self' https://c.example");
        // nothing restricts scripts or styles: nothing to widen
        assertThat(ResponseHeadersFilter.allowAssetsFrom("frame-ancestors 'none'", "https://c.example"))
                .isEqualTo("frame-ancestors 'none'");
    }
}
