package dev.atrium.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.xml.sax.SAXException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nu.validator.client.EmbeddedValidator;

/**
 * The Nu HTML checker (the engine behind validator.w3.org/nu), run in-process on a page's HTML: every error
 * and warning it reports, each with its line and the markup it is about. Offline: the schemas ship inside
 * the checker's jar.
 */
public final class NuHtmlChecker {

    /** One finding: "error", or "warning" (the checker's "info" of subtype "warning"). */
    public record Finding(String type, long line, String message, String extract) {
        @Override
        public String toString() {
            return type + " at line " + line + ": " + message + "\n    " + extract.strip();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private NuHtmlChecker() {
    }

    /** The errors and warnings in {@code html}; plain information messages are left out. */
    public static List<Finding> check(String html) {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        try {
            String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            List<Finding> findings = new ArrayList<>();
            for (JsonNode message : JSON.readTree(report).path("messages")) {
                String type = message.path("type").asText();
                boolean warning = "info".equals(type) && "warning".equals(message.path("subType").asText());
                if ("error".equals(type) || "non-document-error".equals(type) || warning) {
                    findings.add(new Finding(warning ? "warning" : "error", message.path("lastLine").asLong(),
                            message.path("message").asText(), message.path("extract").asText()));
                }
            }
            return findings;
        } catch (IOException | SAXException e) {
            throw new AssertionError("The Nu HTML checker failed to run", e);
        }
    }
}
