package dev.atrium.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import io.restassured.response.Response;

/** Every form of the site sent with bad input in every field it checks: the pages that show field errors. */
final class FormsWithErrors {

    private FormsWithErrors() {
    }

    /** The 400 pages, by form, in {@code language}. */
    static Map<String, Response> submit(AccountFixtures fixtures, String language) {
        BrowserSession visitor = new BrowserSession(language);
        BrowserSession writer = new BrowserSession(language);
        fixtures.signIn(writer, Role.USER, true);
        String location = writer.submit("/posts/new", "/posts", Map.of("title", "A post", "body", "Some text."))
                .then().statusCode(303).extract().header("Location");
        String post = location.substring(location.indexOf("/posts/"));
        String email = AccountFixtures.unique("r") + "@example.org";
        fixtures.register(new BrowserSession(), AccountFixtures.unique("r"), email);
        String reset = fixtures.resetPath(email);

        Map<String, Response> pages = new LinkedHashMap<>();
        pages.put("login", visitor.submit("/login", "/login", Map.of("login", "nobody", "password", "wrong")));
        pages.put("register", visitor.submit("/register", "/register", Map.of("email", "no", "username", "?", "password", "x")));
        pages.put("reset", visitor.submit(reset, reset, Map.of("newPassword", "x")));
        pages.put("password", writer.submit("/settings", "/settings/password", Map.of("currentPassword", "", "newPassword", "x")));
        pages.put("email", writer.submit("/settings", "/settings/email", Map.of("newEmail", "no", "currentPassword", "")));
        pages.put("token", writer.submit("/settings", "/settings/tokens", Map.of("name", "", "scope", "all",
                "expiry", "date", "expiresOn", "yesterday", "currentPassword", "")));
        pages.put("token password", writer.submit("/settings", "/settings/tokens", Map.of("name", "n", "scope", "read",
                "expiry", "30", "currentPassword", "wrong")));
        pages.put("new post", writer.submit("/posts/new", "/posts", Map.of("title", "", "body", "")));
        pages.put("edit post", writer.submit(post + "/edit", post, Map.of("title", "", "body", "")));
        pages.put("profile", writer.submit("/settings/profile", "/settings/profile", Map.of("realName", "n".repeat(65),
                "location", "l".repeat(65), "aboutMe", "a".repeat(2001))));
        pages.forEach((form, page) -> page.then().statusCode(400));
        return pages;
    }
}
