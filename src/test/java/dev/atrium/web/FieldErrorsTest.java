package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;

/**
 * A field's error is tied to its control on every form: the control is {@code aria-invalid="true"} and its
 * {@code aria-describedby} names the message, so a screen reader announces the message at the field, not
 * only somewhere on the page. Valid controls carry neither.
 */
@QuarkusTest
class FieldErrorsTest {

    private static final List<String> CONTROLS = List.of("input", "textarea", "select");

    @Inject
    AccountFixtures fixtures;

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void everyFieldErrorIsTiedToItsControl(String language) {
        FormsWithErrors.submit(fixtures, language).forEach((form, page) -> {
            Document html = parse(page);
            List<Element> messages = elementsWithClass(html, "field-error", "form-error");
            assertThat(messages).as(form + ": the page shows its errors").isNotEmpty();
            for (Element message : messages) {
                String id = message.getAttribute("id");
                assertThat(id).as(form + ": the error '" + message.getTextContent() + "' has an id").isNotEmpty();
                List<Element> described = controls(html).stream()
                        .filter(control -> Arrays.asList(control.getAttribute("aria-describedby").split(" ")).contains(id))
                        .toList();
                assertThat(described).as(form + ": a control is described by error " + id).isNotEmpty();
                described.forEach(control -> assertThat(control.getAttribute("aria-invalid"))
                        .as(form + ": " + control.getAttribute("id") + " is marked invalid").isEqualTo("true"));
            }
            for (Element control : controls(html)) {
                if (control.hasAttribute("aria-invalid")) {
                    for (String id : control.getAttribute("aria-describedby").split(" ")) {
                        assertThat(html.getElementById(id)).as(form + ": " + control.getAttribute("id")
                                + " is described by an element that exists: " + id).isNotNull();
                    }
                }
            }
        });
    }

    @Test
    void validFieldsAreNotMarkedAndKeepTheirHints() {
        BrowserSession visitor = new BrowserSession();
        Document register = parse(visitor.submit("/register", "/register",
                Map.of("email", "someone@example.org", "username", "?", "password", "x")));
        Element email = register.getElementById("email");
        assertThat(email.hasAttribute("aria-invalid")).as("the valid email field").isFalse();
        assertThat(email.hasAttribute("aria-describedby")).isFalse();
        assertThat(register.getElementById("username").getAttribute("aria-describedby")).isEqualTo("username-hint username-error");

        Document fresh = parse(visitor.get("/register"));
        assertThat(fresh.getElementById("username").getAttribute("aria-describedby")).isEqualTo("username-hint");
        assertThat(controls(fresh)).noneMatch(control -> control.hasAttribute("aria-invalid"));
        assertThat(controls(parse(fixtures.signedIn(Role.USER, true).get("/settings"))))
                .noneMatch(control -> control.hasAttribute("aria-invalid"));
    }

    private static Document parse(Response page) {
        HtmlDocumentBuilder builder = new HtmlDocumentBuilder(XmlViolationPolicy.ALTER_INFOSET);
        try {
            return builder.parse(new InputSource(new StringReader(page.asString())));
        } catch (IOException | SAXException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Element> controls(Document html) {
        List<Element> found = new ArrayList<>();
        for (String name : CONTROLS) {
            NodeList nodes = html.getElementsByTagName(name);
            for (int i = 0; i < nodes.getLength(); i++) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }

    private static List<Element> elementsWithClass(Document html, String... classes) {
        List<Element> found = new ArrayList<>();
        NodeList all = html.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            List<String> its = Arrays.asList(element.getAttribute("class").split(" "));
            if (Arrays.stream(classes).anyMatch(its::contains)) {
                found.add(element);
            }
        }
        return found;
    }
}
