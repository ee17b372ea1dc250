package dev.atrium.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.atrium.auth.AccountFixtures;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** API tokens as the tests make and use them: through the settings page's form, then as a bearer. */
final class ApiTokens {

    private static final Pattern TOKEN = Pattern.compile("<code id=\"new-token\">(atr_[A-Za-z0-9_-]+)</code>");

    private ApiTokens() {
    }

    /** The settings page's token form, with the fixtures' password as the current one; a mutable copy. */
    static Map<String, String> form(String name, String scope, String expiry) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("currentPassword", AccountFixtures.PASSWORD);
        form.put("scope", scope);
        form.put("expiry", expiry);
        return form;
    }

    /** The token a successful creation shows, once, on the page it answers with. */
    static String created(Response page) {
        String html = page.then().statusCode(200).extract().asString();
        Matcher matcher = TOKEN.matcher(html);
        assertThat(matcher.find()).as("a new token in%n%s", html).isTrue();
        return matcher.group(1);
    }

    /** A request that sends {@code token} as a bearer, without following redirects. */
    static RequestSpecification bearer(String token) {
        return given().redirects().follow(false).header("Authorization", "Bearer " + token);
    }
}
