package dev.atrium.web;

/** What a form shows back after a refused submission. */
public final class FormValues {

    private FormValues() {
    }

    /** The value as typed, cut to the field's limit, so a refused form never echoes an oversized body back. */
    public static String keep(String value, int max) {
        return value == null ? "" : value.substring(0, Math.min(value.length(), max));
    }
}
