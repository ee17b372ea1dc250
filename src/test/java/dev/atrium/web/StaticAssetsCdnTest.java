package dev.atrium.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With atrium.web.asset-base-url set, pages load their files from that host, and the policy allows it. */
@QuarkusTest
@TestProfile(StaticAssetsCdnTest.Cdn.class)
class StaticAssetsCdnTest {

    public static class Cdn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atrium.web.asset-base-url", "https://cdn.example.org/atrium");
        }
    }

    @Test
    void pagesLinkTheFilesOnTheCdn() {
        given().accept("text/html").get("/").then().statusCode(200)
                .body(matchesPattern("(?s).*<link rel=\"stylesheet\" href=\"https://cdn\\.example\\.org/atrium/assets/[0-9a-f]{12}/app\\.css\">.*"))
                .body(matchesPattern("(?s).*<script src=\"https://cdn\\.example\\.org/atrium/assets/[0-9a-f]{12}/app\\.js\" defer></script>.*"))
                .body(not(containsString("href=\"/assets/")));
    }

    @Test
    void errorPagesToo() {
        given().accept("text/html").get("/no-such-page").then().statusCode(404)
                .body(containsString("href=\"https://cdn.example.org/atrium/assets/"));
    }

    @Test
    void thePolicyAllowsScriptsStylesAndIconsFromTheCdnOnly() {
        given().accept("text/html").get("/").then()
                .header("Content-Security-Policy", containsString("script-src 'self' https://cdn.example.org;"))
                .header("Content-Security-Policy", containsString("style-src 'self' https://cdn.example.org;"))
                .header("Content-Security-Policy", containsString("default-src 'self';"))
                .header("Content-Security-Policy", containsString("img-src 'self' data: https://cdn.example.org;"))
                .body(containsString("<link rel=\"icon\" href=\"https://cdn.example.org/atrium/assets/"));
    }

    @Test
    void theSiteStillServesTheFilesForTheCdnToFetch() {
        String page = given().accept("text/html").get("/about").then().extract().asString();
        String path = page.replaceFirst("(?s).*href=\"https://cdn\\.example\\.org/atrium(/assets/[0-9a-f]{12}/app\\.css)\".*", "$1");
        given().get(path).then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
    }
}
