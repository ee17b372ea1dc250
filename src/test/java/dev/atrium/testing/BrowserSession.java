package dev.atrium.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser as the tests need one: it keeps its cookies, asks for HTML, and fills in a form's CSRF token
 * from the page it got the form from, as a real browser submitting the form would.
 */
public final class BrowserSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final CookieFilter cookies = new CookieFilter();
    private final String language;
    private final String clientAddress;

    public BrowserSession() {
        this("en");
    }

    /** A browser whose Accept-Language is {@code language}. */
    public BrowserSession(String language) {
        this(language, null);
    }

    private BrowserSession(String language, String clientAddress) {
        this.language = language;
        this.clientAddress = clientAddress;
    }

    /**
     * A browser at {@code clientAddress}, as the trusted proxy in front of the tests reports it in
     * X-Forwarded-For (for tests whose profile trusts it): per-address limits count it apart from other tests.
     */
    public static BrowserSession at(String clientAddress, String language) {
        return new BrowserSession(language, clientAddress);
    }

    /** The client address the proxy header gives, or null for the test's own. */
    public String clientAddress() {
        return clientAddress;
    }

    public RequestSpecification request() {
        RequestSpecification request = given().filter(cookies).redirects().follow(false)
                .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").header("Accept-Language", language);
        return clientAddress == null ? request : request.header("X-Forwarded-For", clientAddress);
    }

    public Response get(String path) {
        return request().get(path);
    }

    /** Loads {@code page}, then posts {@code fields} with that page's CSRF token to {@code action}. */
    public Response submit(String page, String action, Map<String, String> fields) {
        String token = csrfToken(get(page).asString());
        return request().contentType("application/x-www-form-urlencoded")
                .formParams(fields).formParam("csrf-token", token)
                .post(action);
    }

    /** Posts without any CSRF token, as a forged cross-site form would. */
    public Response postWithoutToken(String action, Map<String, String> fields) {
        return request().contentType("application/x-www-form-urlencoded").formParams(fields).post(action);
    }

    public static String csrfToken(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF field in the page:\n" + html);
        }
        return matcher.group(1);
    }
}
