package dev.atrium.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/** Static files at fingerprinted addresses, cached for ever; the plain addresses still work. */
@QuarkusTest
class StaticAssetsTest {

    private static final Pattern LINKS = Pattern.compile("(?:href|src)=\"(/assets/([0-9a-f]{12})/(app\\.(?:css|js)|favicon\\.(?:svg|ico)))\"");

    @Test
    void pagesLinkTheFingerprintOfTheFilesContent() throws IOException {
        String page = given().accept("text/html").get("/").then().statusCode(200).extract().asString();
        Matcher links = LINKS.matcher(page);
        int found = 0;
        while (links.find()) {
            found++;
            assertThat(links.group(2)).as(links.group(3)).isEqualTo(StaticAssets.fingerprint(resource(links.group(3))));
        }
        assertThat(found).as("links to app.css, app.js and the two favicons in%n%s", page).isEqualTo(4);
    }

    /** An SVG icon for browsers that take one, and an ICO (holding a 32-pixel PNG) for those that do not. */
    @Test
    void pagesLinkTheFaviconAndItsFallback() {
        String page = given().accept("text/html").get("/about").then().statusCode(200).extract().asString();
        assertThat(page).contains("<link rel=\"icon\" href=\"" + url("favicon.svg") + "\" type=\"image/svg+xml\">",
                "<link rel=\"icon\" href=\"" + url("favicon.ico") + "\" sizes=\"32x32\">");
    }

    @ParameterizedTest
    @CsvSource({ "app.css, text/css", "app.js, text/javascript", "favicon.svg, image/svg+xml", "favicon.ico, image/x-icon" })
    void aFingerprintedFileIsImmutableWithItsTypeAndBody(String name, String type) throws IOException {
        byte[] content = resource(name);
        String url = url(name);
        byte[] body = given().get(url).then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                .header("Content-Type", startsWith(type))
                .header("ETag", equalTo("\"" + StaticAssets.fingerprint(content) + "\""))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .extract().asByteArray();
        assertThat(body).isEqualTo(content);
        given().header("If-None-Match", "\"" + StaticAssets.fingerprint(content) + "\"").get(url).then()
                .statusCode(304).body(emptyString());
        given().head(url).then().statusCode(200).header("Content-Length", equalTo(Integer.toString(content.length)));
    }

    @Test
    void anotherVersionsFingerprintRedirectsToTheCurrentOneUncached() {
        String current = url("app.css");
        given().redirects().follow(false).get("/assets/0123456789ab/app.css").then().statusCode(302)
                .header("Location", equalTo(current))
                .header("Cache-Control", equalTo("no-store"));
    }

    @ParameterizedTest
    @CsvSource({ "/assets/0123456789ab/nope.css", "/assets/not-a-hash/app.css", "/assets/0123456789ab/layout.html",
            "/assets/0123456789ab/../app.css" })
    void unknownFilesAndMalformedFingerprintsAre404(String path) {
        given().accept("application/json").urlEncodingEnabled(false).redirects().follow(false).get(path).then()
                .statusCode(404)
                .header("Cache-Control", not(containsString("immutable")));
    }

    @Test
    void thePlainAddressesStillWork() {
        given().get("/app.css").then().statusCode(200).header("Cache-Control", containsString("max-age=3600"));
        given().get("/app.js").then().statusCode(200).body(containsString("use strict"));
        // where browsers look for an icon on a page that names none (a PDF, an image, an old browser)
        given().get("/favicon.ico").then().statusCode(200).header("Cache-Control", containsString("max-age=3600"));
    }

    @Test
    void withoutAnAssetHostThePolicyStaysSameOrigin() {
        given().accept("text/html").get("/").then()
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("style-src 'self';"));
    }

    static String url(String name) {
        String page = given().accept("text/html").get("/about").then().statusCode(200).extract().asString();
        Matcher links = LINKS.matcher(page);
        while (links.find()) {
            if (links.group(3).equals(name)) {
                return links.group(1);
            }
        }
        throw new AssertionError("no link to " + name + " in " + page);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = StaticAssetsTest.class.getClassLoader().getResourceAsStream("META-INF/resources/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
