package dev.atrium.web;

import io.quarkus.qute.TemplateGlobal;

/** Data every template can use without each resource passing it: {@code request} and {@code languages}. */
@TemplateGlobal
public final class TemplateGlobals {

    private TemplateGlobals() {
    }

    static RequestInfo request() {
        return RequestInfo.current();
    }

    static Language[] languages() {
        return Language.values();
    }
}
