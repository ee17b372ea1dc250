package dev.atrium.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * axe-core, Deque's accessibility engine, run in the browser on the page it shows: every rule axe runs by
 * default (WCAG 2.x A and AA, and its best practices). The script comes from Deque's Maven artifact; the
 * test's WebDriver injects it, which a page's Content-Security-Policy does not govern.
 */
public final class Axe {

    /** A rule the page breaks, with the elements that break it. */
    public record Violation(String rule, String impact, String help, List<String> elements) {
        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + "\n      " + String.join("\n      ", elements);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = load();
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
                .then(function (results) { done(JSON.stringify(results.violations)); })
                .catch(function (error) { done('axe failed: ' + error); });
            """;

    private Axe() {
    }

    /** What axe finds wrong with the page the browser shows now. */
    public static List<Violation> check(WebDriver driver) {
        JavascriptExecutor script = (JavascriptExecutor) driver;
        script.executeScript(SOURCE);
        String answer = String.valueOf(script.executeAsyncScript(RUN));
        if (answer.startsWith("axe failed")) {
            throw new AssertionError(answer);
        }
        try {
            List<Violation> violations = new ArrayList<>();
            for (JsonNode violation : JSON.readTree(answer)) {
                List<String> elements = new ArrayList<>();
                for (JsonNode node : violation.path("nodes")) {
                    elements.add(node.path("target").toString() + " " + node.path("html").asText());
                }
                violations.add(new Violation(violation.path("id").asText(), violation.path("impact").asText(),
                        violation.path("help").asText(), elements));
            }
            return violations;
        } catch (IOException e) {
            throw new AssertionError("axe's answer is not JSON: " + answer, e);
        }
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing: the com.deque.html.axe-core:selenium test dependency");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read axe.min.js", e);
        }
    }
}
