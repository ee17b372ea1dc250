package dev.atrium.web;

import io.quarkus.qute.TemplateGlobal;

/**
 * Data every template can use without each resource passing it: {@code request}, {@code languages} and
 * {@code emailMax}, the longest email address a form takes (its {@code maxlength}).
 */
@TemplateGlobal
final class TemplateGlobals {

    private TemplateGlobals() {
    }

    static RequestInfo request() {
        return RequestInfo.current();
    }

    static Language[] languages() {
        return Language.values();
    }

    static int emailMax() {
        return EmailAddress.MAX;
    }
}
