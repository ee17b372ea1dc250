package dev.atrium.web;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * The one mapping from a form's or a request body's constraint violations to what the visitor reads: the
 * form's {@link FormErrors} beside each field, or a problem document's {@code errors} for the API.
 * <p>
 * The forms are records whose components carry Bean Validation constraints; each constraint's {@code message}
 * is a message bundle key ({@code posts:error_title}), said in the request's language as the templates say
 * theirs, so a field's message has one text in each language whether it shows on a page or in JSON.
 * A field with several failed constraints gets one message (the form's one sentence says what the field takes).
 */
@ApplicationScoped
public class Violations {

    /**
     * For {@code @Pattern}: text with something besides whitespace in it. {@code @NotBlank} alone lets through text
     * made only of Unicode spaces (U+3000, which Chinese keyboards type, or U+2000 to U+200A): Hibernate
     * Validator trims only up to U+0020.
     */
    public static final String NOT_ONLY_SPACES = "(?U)(?s).*\\S.*";

    private static final Comparator<ConstraintViolation<?>> BY_FIELD_THEN_MESSAGE = Comparator
            .<ConstraintViolation<?>, String> comparing(v -> field(v.getPropertyPath()))
            .thenComparing(ConstraintViolation::getMessage);

    private final Validator validator;
    private final Engine engine;
    /** A message key's template: parsed once, rendered per request in its language. */
    private final Map<String, Template> messages = new ConcurrentHashMap<>();

    Violations(Validator validator, Engine engine) {
        this.validator = validator;
        this.engine = engine;
    }

    /** The form's problems, one message per field named as the record's component; none when it is valid. */
    public FormErrors of(Object form) {
        FormErrors errors = FormErrors.none();
        validator.validate(form).stream().sorted(BY_FIELD_THEN_MESSAGE)
                .forEach(violation -> errors.add(field(violation.getPropertyPath()), said(violation.getMessage())));
        return errors;
    }

    /**
     * Checks a request body: a 400 problem document when it is missing ({@code missing} says what to send) or
     * breaks a constraint ({@code invalid} as its detail, one {@code errors} entry per field).
     */
    public <T> T require(T body, String missing, String invalid) {
        if (body == null) {
            throw new ProblemException(400, missing);
        }
        FormErrors errors = of(body);
        if (errors.any()) {
            throw new ProblemException(400, invalid, errors.asMap());
        }
        return body;
    }

    private String said(String key) {
        return messages.computeIfAbsent(key, k -> engine.parse("{" + k + "}"))
                .instance().setLocale(RequestInfo.current().language().locale()).render();
    }

    /** The last name of the path: the record component (the forms are flat). */
    private static String field(Path path) {
        String name = "";
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name == null ? "" : name;
    }
}
