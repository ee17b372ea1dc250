package dev.atrium.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses headers of weighted values such as {@code Accept} and {@code Accept-Language}
 * ({@code text/html;q=0.9, *}{@code /*;q=0.1}). It is lenient on purpose: a malformed entry is dropped, an
 * unreadable quality counts as 0, and an over-long header yields nothing, so no client's odd header can
 * turn into an error.
 */
final class WeightedHeader {

    private static final int MAX_LENGTH = 4096;
    private static final int MAX_ENTRIES = 64;

    record Entry(String value, double quality) {
    }

    private WeightedHeader() {
    }

    /** The entries in the order sent, values lower-cased and trimmed, empty ones dropped. */
    static List<Entry> parse(String header) {
        List<Entry> entries = new ArrayList<>();
        if (header == null || header.length() > MAX_LENGTH) {
            return entries;
        }
        for (String raw : header.split(",", MAX_ENTRIES)) {
            String[] parts = raw.split(";", -1);
            String value = parts[0].trim().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.startsWith("q=")) {
                    quality = quality(parameter.substring(2));
                }
            }
            entries.add(new Entry(value, quality));
        }
        return entries;
    }

    private static double quality(String text) {
        try {
            double q = Double.parseDouble(text);
            return q >= 0 && q <= 1 ? q : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
