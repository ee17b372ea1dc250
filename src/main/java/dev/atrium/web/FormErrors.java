package dev.atrium.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.qute.TemplateData;

/** The messages of a form that failed validation, one per field, for the template to show next to each field. */
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

    public boolean any() {
        return !byField.isEmpty();
    }

    public Map<String, String> asMap() {
        return Map.copyOf(byField);
    }
}
