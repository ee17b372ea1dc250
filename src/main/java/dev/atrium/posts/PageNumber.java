package dev.atrium.posts;

import dev.atrium.web.ProblemException;

/** Reads a {@code page} query parameter: a whole number from 1, absent meaning 1; anything else is a 400. */
public final class PageNumber {

    private PageNumber() {
    }

    public static int parse(String page) {
        if (page == null || page.isEmpty()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page);
            if (number >= 1 && number <= PostService.MAX_PAGE) {
                return number;
            }
        } catch (NumberFormatException e) {
            // not a number: the same answer as out of range
        }
        throw new ProblemException(400, "page must be a whole number from 1 to " + PostService.MAX_PAGE + ".");
    }
}
