package dev.atrium.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;

/**
 * The messages of a form that failed validation, one per field, for the template to show next to each field.
 * A field's message is the element with the id {@code {field}-error}; {@link #aria} ties the field's control to
 * it, so a screen reader says the message on reaching the control, not only a sighted reader next to it.
 */
@TemplateData
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /** Records the field's first problem; later ones for the same field are dropped. */
    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.getOrDefault(field, "");
    }

    /** The id of the element that shows the field's message. */
    public String id(String field) {
        return field + "-error";
    }

    /**
     * The control's accessibility attributes: with a message, {@code aria-invalid="true"} and
     * {@code aria-describedby} naming the message; without one, nothing.
     */
    public RawString aria(String field) {
        return aria(field, "");
    }

    /** As {@link #aria(String)}, for a control that also has a hint (by id) that describes it whatever happens. */
    public RawString aria(String field, String hintId) {
        String describedBy = (hintId + (has(field) ? " " + id(field) : "")).strip();
        StringBuilder attributes = new StringBuilder();
        if (has(field)) {
            attributes.append(" aria-invalid=\"true\"");
        }
        if (!describedBy.isEmpty()) {
            attributes.append(" aria-describedby=\"").append(describedBy).append('"');
        }
        // the ids are the templates' own constants, never visitors' text
        return new RawString(attributes.toString());
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public Map<String, String> asMap() {
        return Map.copyOf(byField);
    }
}
