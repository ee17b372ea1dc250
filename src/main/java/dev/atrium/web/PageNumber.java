package dev.atrium.web;

/** Reads a {@code page} query parameter: a whole number from 1, absent meaning 1; anything else is a 400. */
public final class PageNumber {

    /** The highest page number any list accepts: beyond it an offset query would only scan to return nothing. */
    public static final int MAX = 100_000;

    private PageNumber() {
    }

    public static int parse(String page) {
        if (page == null || page.isEmpty()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page);
            if (number >= 1 && number <= MAX) {
                return number;
            }
        } catch (NumberFormatException e) {
            // not a number: the same answer as out of range
        }
        throw new ProblemException(400, "page must be a whole number from 1 to " + MAX + ".");
    }
}
